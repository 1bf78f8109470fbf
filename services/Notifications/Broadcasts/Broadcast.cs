using System.Text.Json.Serialization;

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
}
