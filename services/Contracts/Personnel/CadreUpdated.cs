namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A cadre's register entry was corrected (new phone, position, unit, region or login). Carries the
/// whole entry as it now is, so a consumer that missed an earlier update still ends up right;
/// apply it only if UpdatedAt is newer than what you hold.
/// </summary>
public sealed record CadreUpdated(
    Guid CadreId,
    string Name,
    string? Phone,
    string Rank,
    string? Position,
    Guid? UnitId,
    string? UnitName,
    string RegionCode,
    string? UserId,
    DateTimeOffset UpdatedAt);

/// <summary>
/// A cadre left the programme (调离、退休). Their pairings ended in the same transaction (each with
/// its own PairingEnded); they take no new work and get no more notices.
/// </summary>
public sealed record CadreRetired(Guid CadreId, string Reason, DateTimeOffset RetiredAt);
