namespace MassWork.Personnel.Cadres;

public sealed record CreateUnitRequest(string? Name, string? RegionCode);

public sealed record UnitResponse(Guid Id, string Name, string RegionCode, DateTimeOffset? RetiredAt, string? RetireReason);

/// <summary>A cadre's register entry, for registration (POST) and correction (PUT).</summary>
public sealed record CadreRequest(
    string? Name,
    string? Phone,
    string? Rank,
    string? Position,
    Guid? UnitId,
    string? RegionCode,
    Guid? HomeCompoundId,
    string? UserId);

/// <summary>A cadre as listed for staff; the phone is masked. Load is the number of households paired now.</summary>
public sealed record CadreResponse(
    Guid Id,
    string Name,
    string? Phone,
    string Rank,
    string? Position,
    Guid? UnitId,
    string RegionCode,
    Guid? HomeCompoundId,
    string? UserId,
    Guid? TeamId,
    string? TeamRole,
    int Load,
    DateTimeOffset? RetiredAt,
    string? RetireReason);

public sealed record CadrePage(IReadOnlyList<CadreResponse> Items, int Total);

/// <summary>A retired cadre, with the pairings that ended and the households now waiting for another cadre.</summary>
public sealed record RetiredCadreResponse(CadreResponse Cadre, int PairingsEnded, IReadOnlyList<Guid> HouseholdsToPairAgain);
