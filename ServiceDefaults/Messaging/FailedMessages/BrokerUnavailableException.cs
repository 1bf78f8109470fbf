using MassWork.ServiceDefaults.Errors;

namespace MassWork.ServiceDefaults.Messaging.FailedMessages;

/// <summary>The broker did not answer an operator's request: 503 with Retry-After, nothing moved.</summary>
public sealed class BrokerUnavailableException(Exception inner)
    : DependencyUnavailableException("The message broker is unavailable", $"The message broker did not answer: {inner.Message}", inner);
