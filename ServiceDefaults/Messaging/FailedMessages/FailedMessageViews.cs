namespace MassWork.ServiceDefaults.Messaging.FailedMessages;

/// <summary>A consumer queue of the service and how many of its messages wait in its error queue ("&lt;queue&gt;_error").</summary>
public sealed record FailedQueueView(string Queue, long Failed);

/// <summary>
/// A message that failed for good: which queue it came from, what it was, when and why it failed
/// (the exception's type and message, personal data redacted). Never its content: events carry
/// households' data, and the operator needs only what identifies and explains it.
/// </summary>
public sealed record FailedMessageView(string Queue, Guid? MessageId, string? MessageType, DateTimeOffset? FailedAt, string? ExceptionType, string? Reason);

public sealed record FailedMessagesReport(IReadOnlyList<FailedQueueView> Queues, IReadOnlyList<FailedMessageView> Messages);

/// <summary>Sends failed messages of one queue back to it: those named, or every one when none is named.</summary>
public sealed record RetryFailedMessages(string? Queue, IReadOnlyList<Guid>? MessageIds);

/// <summary>How many went back to the queue, and which of those named were not in its error queue (retried already, or never failed).</summary>
public sealed record RetriedMessages(string Queue, int Retried, IReadOnlyList<Guid> NotFound);
