namespace MassWork.Contracts.Petitions.V1;

/// <summary>
/// The case as every petitions event carries it: enough for the notifications service to tell the
/// household (Petitioner, HouseholdId) and the owner (OwnerUserId, Holder*) without calling back.
/// IdentityProtected is true for 检举控告: the petitioner's sealed contact may be used to reply to
/// them and nothing else, and the event names no household, so no queue, error queue or kept outbox
/// row leads to the accuser. SourceDemandId: the demand raised on a visit (DemandRaisedInVisit.DemandId)
/// the case was registered from; absent for other channels and from older messages.
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

/// <summary>
/// How to reach who raised the matter. SealedPhone: the phone encrypted with the platform's
/// personal-data key, as petitions stores it; only the notifications service opens it, so the
/// events every other service receives hold it unreadable. Phone: in full, as messages raised
/// before sealing carried it.
/// </summary>
public sealed record PetitionerContact(string? Phone, byte[]? SealedPhone = null);
