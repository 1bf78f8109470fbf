namespace MassWork.Visits.Meetings;

/// <summary>A follow-up agreed at a meeting: what is to be done, the cadre who owns it, and by when (an Asia/Shanghai date), if set.</summary>
public sealed record FollowUp(string Task, Guid OwnerCadreId, DateOnly? DueOn);

/// <summary>
/// A village's quarterly 民情分析联席会 (analysis meeting, seed 004: at least one a quarter): the
/// Asia/Shanghai day it was held, the cadres who attended, the demands from the village ledger it
/// discussed, its decisions and their follow-ups with owners. Recorded once; a village holding too
/// few in a quarter is overdue.
/// </summary>
public sealed class AnalysisMeeting
{
    public Guid Id { get; init; }

    public required string VillageCode { get; init; }

    public DateOnly HeldOn { get; init; }

    public List<Guid> AttendeeIds { get; init; } = [];

    public List<Guid> DemandIds { get; init; } = [];

    public List<string> Decisions { get; init; } = [];

    public List<FollowUp> FollowUps { get; init; } = [];

    public required string RecordedBy { get; init; }

    public DateTimeOffset RecordedAt { get; init; }
}
