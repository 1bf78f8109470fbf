namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A household (户) was entered in the register, by a clerk or a bulk import. Carries the whole
/// household so a consumer can build its read model from events alone; <see cref="VillageCode"/>
/// is the 12-digit statistical division code of its village.
/// </summary>
public sealed record HouseholdRegistered(
    Guid HouseholdId,
    string HouseholdNumber,
    string VillageCode,
    string HeadName,
    DateTimeOffset RegisteredAt,
    string Address,
    string Status,
    IReadOnlyList<string> Tags,
    IReadOnlyList<HouseholdMemberContact> Members,
    Guid? GroupId = null,
    Guid? CompoundId = null);

/// <summary>
/// A member as other services need it: to address SMS (phone in full, since the notifications
/// service sends to it and stores it encrypted itself) — never the ID card number.
/// </summary>
public sealed record HouseholdMemberContact(Guid MemberId, string Name, string Relation, bool IsHead, string? Phone);
