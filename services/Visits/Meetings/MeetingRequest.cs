namespace MassWork.Visits.Meetings;

public sealed record FollowUpInput(string? Task, Guid? OwnerCadreId, DateOnly? DueOn);

/// <summary>A meeting as a clerk sends it: the village, the day it was held (Asia/Shanghai), attendees, demands discussed, decisions and follow-ups.</summary>
public sealed record MeetingRequest(
    string? VillageCode,
    DateOnly? HeldOn,
    IReadOnlyList<Guid>? AttendeeIds,
    IReadOnlyList<Guid>? DemandIds = null,
    IReadOnlyList<string>? Decisions = null,
    IReadOnlyList<FollowUpInput>? FollowUps = null);

/// <summary>The request after its field checks.</summary>
public sealed record CheckedMeeting(
    string VillageCode, DateOnly HeldOn, IReadOnlyList<Guid> AttendeeIds, IReadOnlyList<Guid> DemandIds, IReadOnlyList<string> Decisions, IReadOnlyList<FollowUp> FollowUps);
