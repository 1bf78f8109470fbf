namespace MassWork.Visits.Meetings;

public sealed record MeetingCadreView(Guid Id, string Name);

/// <summary>A demand discussed, as the village ledger (民情台账) holds it now.</summary>
public sealed record MeetingDemandView(Guid Id, string Content, string Status, string? CaseNumber);

public sealed record FollowUpView(string Task, MeetingCadreView Owner, DateOnly? DueOn);

/// <summary>A meeting as read; RecordedAt in Asia/Shanghai (+08:00); names and demands as the read model has them now.</summary>
public sealed record MeetingView(
    Guid Id,
    string VillageCode,
    DateOnly HeldOn,
    IReadOnlyList<MeetingCadreView> Attendees,
    IReadOnlyList<MeetingDemandView> Demands,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<FollowUpView> FollowUps,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public static MeetingView Of(AnalysisMeeting m, IReadOnlyDictionary<Guid, string> cadres, IReadOnlyDictionary<Guid, MeetingDemandView> demands)
    {
        MeetingCadreView Cadre(Guid id) => new(id, cadres.GetValueOrDefault(id, ""));
        return new MeetingView(
            m.Id, m.VillageCode, m.HeldOn,
            [.. m.AttendeeIds.Select(Cadre)],
            [.. m.DemandIds.Select(id => demands.GetValueOrDefault(id, new MeetingDemandView(id, "", "", null)))],
            m.Decisions,
            [.. m.FollowUps.Select(f => new FollowUpView(f.Task, Cadre(f.OwnerCadreId), f.DueOn))],
            m.RecordedBy, ChinaTime.Local(m.RecordedAt));
    }
}

public sealed record MeetingPage(long Total, int Page, int PageSize, IReadOnlyList<MeetingView> Meetings);

/// <summary>A village that held fewer meetings in the quarter than its city requires.</summary>
public sealed record OwingVillage(string VillageCode, int Required, int Held);

/// <summary>
/// The villages of a region behind on 民情分析联席会 for a quarter. Overdue once the quarter has
/// ended (Asia/Shanghai); before that, the villages still to hold theirs.
/// </summary>
public sealed record OwingVillagePage(string Region, string Quarter, DateOnly FirstDay, DateOnly LastDay, bool Overdue, long Total, int Page, int PageSize, IReadOnlyList<OwingVillage> Villages);
