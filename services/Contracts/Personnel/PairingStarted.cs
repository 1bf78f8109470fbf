namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A cadre became responsible for a household (结对). Carries what the household's contact card
/// (联系卡) needs: the cadre's name, unit and phone, and the household's members with phones.
/// Kind: "Resident" (常驻队员) or "FullCoverage" (全覆盖干部).
/// </summary>
public sealed record PairingStarted(
    Guid PairingId,
    string Kind,
    DateTimeOffset StartedAt,
    Guid HouseholdId,
    string HouseholdNumber,
    string VillageCode,
    string HeadName,
    IReadOnlyList<HouseholdMemberContact> HouseholdMembers,
    Guid CadreId,
    string CadreName,
    string? CadrePhone,
    string? CadreUnit);

/// <summary>A pairing ended (reassignment, the cadre left, the household moved away); history keeps it.</summary>
public sealed record PairingEnded(
    Guid PairingId,
    string Kind,
    DateTimeOffset EndedAt,
    Guid HouseholdId,
    string VillageCode,
    Guid CadreId,
    string Reason);
