namespace MassWork.Personnel.Attendance;

/// <summary>A resident member's presence in the village on one day (Asia/Shanghai date); one per cadre and day.</summary>
public sealed class CheckIn
{
    public Guid CadreId { get; init; }

    public DateOnly Day { get; init; }

    public Guid TeamId { get; init; }

    public DateTimeOffset CheckedInAt { get; init; }

    public string? Note { get; init; }

    /// <summary>Where the phone said it was, and how sure it was (metres), if it said.</summary>
    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public double? AccuracyMeters { get; init; }

    /// <summary>Distance from the village committee at check-in; null when either position was unknown.</summary>
    public int? DistanceMeters { get; init; }

    /// <summary>Flagged for the supervisor: too far from the village under the policy's radius.</summary>
    public bool? FarFromVillage { get; init; }
}
