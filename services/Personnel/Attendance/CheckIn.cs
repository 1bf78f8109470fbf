namespace MassWork.Personnel.Attendance;

/// <summary>A resident member's presence in the village on one day (Asia/Shanghai date); one per cadre and day.</summary>
public sealed class CheckIn
{
    public Guid CadreId { get; init; }

    public DateOnly Day { get; init; }

    public Guid TeamId { get; init; }

    public DateTimeOffset CheckedInAt { get; init; }

    public string? Note { get; init; }
}
