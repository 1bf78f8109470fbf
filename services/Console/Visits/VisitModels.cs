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
