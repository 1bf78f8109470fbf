using System.Text.Json.Serialization;
using MassWork.Notifications.Messages;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.Notifications.Broadcasts;

[JsonConverter(typeof(JsonStringEnumConverter<BroadcastAudience>))]
public enum BroadcastAudience
{
    /// <summary>户主 only.</summary>
    Heads,

    /// <summary>Every member with a phone, including family working away.</summary>
    AllMembers,
}

[JsonConverter(typeof(JsonStringEnumConverter<BroadcastStatus>))]
public enum BroadcastStatus
{
    /// <summary>Its messages are being written (in chunks) from the recipients.</summary>
    Preparing,
    Sending,
    Paused,
    Cancelled,
    Completed,
}

/// <summary>A policy message to a region (code prefix) and optional household tags.</summary>
public sealed class Broadcast
{
    public Guid Id { get; init; }

    public required string RegionPrefix { get; init; }

    public string[] Tags { get; init; } = [];

    public BroadcastAudience Audience { get; init; }

    public required string TemplateCode { get; init; }

    public Dictionary<string, string> Params { get; init; } = [];

    public required string Signature { get; init; }

    public required string Text { get; init; }

    public int Segments { get; init; }

    public long Recipients { get; set; }

    public BroadcastStatus Status { get; set; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Its messages go out (or are being written): the dispatcher takes them.</summary>
    public static readonly BroadcastStatus[] Going = [BroadcastStatus.Preparing, BroadcastStatus.Sending];

    public void Pause(DateTimeOffset now) => Move(BroadcastStatus.Paused, now, BroadcastStatus.Preparing, BroadcastStatus.Sending);

    /// <summary>A broadcast paused while its messages were still being written resumes by writing the rest.</summary>
    public void Resume(DateTimeOffset now) => Move(Recipients == 0 ? BroadcastStatus.Preparing : BroadcastStatus.Sending, now, BroadcastStatus.Paused);

    /// <summary>Cancelled: its messages not yet sent are suppressed with it (<see cref="SmsMessage.Waiting"/>).</summary>
    public void Cancel(DateTimeOffset now) => Move(BroadcastStatus.Cancelled, now, BroadcastStatus.Preparing, BroadcastStatus.Sending, BroadcastStatus.Paused);

    private void Move(BroadcastStatus to, DateTimeOffset now, params BroadcastStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException(DomainProblem.Conflict, "Not allowed now", $"A {Status} broadcast cannot become {(to == BroadcastStatus.Preparing ? BroadcastStatus.Sending : to)}.");
        }

        Status = to;
        UpdatedAt = now;
    }
}
