namespace MassWork.Console.Visits;

/// <summary>The visits service's 走访进度 page (GET /api/visits/due).</summary>
public sealed record DuePage(int Year, int Total, int Behind, int Page, int PageSize, IReadOnlyList<DueLine> Lines);

public sealed record DueLine(
    Guid CadreId, string? CadreName, Guid HouseholdId, string? HouseholdNumber, string? HeadName, string VillageCode,
    int Required, int Done, DateTimeOffset? LastVisitedAt, string Standing);

public sealed record NamedRef(Guid Id, string? Name);

public sealed record VisitedHousehold(Guid Id, string? HouseholdNumber, string? HeadName, string VillageCode);

/// <summary>A visit as the visits service shows it.</summary>
public sealed record VisitView(
    Guid Id, string ClientId, string Mode, DateTimeOffset VisitedAt, DateTimeOffset RecordedAt, string RecordedBy, bool LateEntry,
    IReadOnlyList<NamedRef> Cadres, IReadOnlyList<VisitedHousehold> Households, string? Notes,
    IReadOnlyList<string>? PolicyTopics, IReadOnlyList<string>? ServicesDone);

public sealed record VisitPhoto(Guid Id, string? FileName, string ContentType, long Bytes, DateTimeOffset? CapturedAt, double? DistanceMetres, bool Flagged, IReadOnlyList<string> Flags);

public sealed record VisitPhotos(Guid VisitId, int Total, int Flagged, IReadOnlyList<VisitPhoto> Photos);

public sealed record PhotoUpload(IReadOnlyList<VisitPhoto> Photos);

/// <summary>The household a visit is entered for, as personnel shows it (personal data masked).</summary>
public sealed record HouseholdSummary(Guid Id, string HouseholdNumber, string VillageCode, string? Address, string HeadName);

/// <summary>A demand raised on a visit (民情台账 line): what was asked, and where it stands as a case.</summary>
public sealed record Demand(
    Guid Id, Guid VisitId, string HouseholdNumber, string HeadName, string VillageCode, string CategoryCode, string MatterType, string Content,
    DateTimeOffset RaisedAt, string Status, Guid? CaseId, string? CaseNumber, string? Outcome, string? StatusNote);

public sealed record DemandLedger(long Total, int Page, int PageSize, IReadOnlyList<Demand> Demands);

public sealed record MeetingCadre(Guid Id, string Name);

public sealed record FollowUp(string Task, MeetingCadre Owner, DateOnly DueOn);

/// <summary>A quarterly analysis meeting (民情分析联席会).</summary>
public sealed record Meeting(Guid Id, string VillageCode, DateOnly HeldOn, IReadOnlyList<MeetingCadre> Attendees, IReadOnlyList<string> Decisions, IReadOnlyList<FollowUp> FollowUps);

public sealed record MeetingList(long Total, int Page, int PageSize, IReadOnlyList<Meeting> Meetings);

/// <summary>A cadre's diary entry (民情日记).</summary>
public sealed record DiaryEntry(Guid Id, Guid CadreId, string CadreName, DateOnly Date, string Text, Guid? VisitId, string WrittenBy, DateTimeOffset WrittenAt);

public sealed record Diary(long Total, int Page, int PageSize, IReadOnlyList<DiaryEntry> Entries);
