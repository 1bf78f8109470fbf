namespace MassWork.Contracts.Petitions.V1;

/// <summary>
/// The case as every petitions event carries it: enough for the notifications service to tell the
/// household (Petitioner, HouseholdId) and the owner (OwnerUserId, Holder*) without calling back.
/// IdentityProtected is true for 检举控告: the petitioner's contact may be used to reply to them
/// and must never be shown to anyone else. SourceDemandId: the demand raised on a visit
/// (DemandRaisedInVisit.DemandId) the case was registered from; absent for other channels and from
/// older messages.
/// </summary>
public sealed record PetitionCaseRef(
    Guid CaseId,
    string CaseNumber,
    string RegionCode,
    string MatterType,
    string CategoryCode,
    string CategoryName,
    string Status,
    Guid? HouseholdId,
    PetitionerContact? Petitioner,
    bool IdentityProtected,
    string? HolderKind,
    string? HolderCode,
    string? HolderName,
    string? OwnerUserId,
    string? OwnerName,
    Guid? SourceDemandId = null);

/// <summary>Who raised the matter; Phone in full (the notifications service stores it encrypted itself).</summary>
public sealed record PetitionerContact(string? Name, string? Phone);
