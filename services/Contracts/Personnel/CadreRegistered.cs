namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A cadre (干部) was registered. Rank: "SectionLevel" (科级以上) or "General" (一般干部).
/// UserId links the cadre to a login, so other services can tell which user a cadre is.
/// </summary>
public sealed record CadreRegistered(
    Guid CadreId,
    string Name,
    string? Phone,
    string Rank,
    string? Position,
    Guid? UnitId,
    string? UnitName,
    string RegionCode,
    string? UserId,
    DateTimeOffset RegisteredAt);
