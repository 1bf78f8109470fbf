namespace MassWork.Personnel.Cadres;

public sealed record CreateUnitRequest(string? Name, string? RegionCode);

public sealed record UnitResponse(Guid Id, string Name, string RegionCode);

public sealed record RegisterCadreRequest(
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
    int Load);

public sealed record CadrePage(IReadOnlyList<CadreResponse> Items, int Total);
