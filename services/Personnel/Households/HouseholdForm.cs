namespace MassWork.Personnel.Households;

/// <summary>
/// A household as a clerk submits it (POST and PUT bodies). Fields are nullable so a missing one
/// is reported by name rather than failing the whole body.
/// </summary>
public sealed record HouseholdForm(
    string? HouseholdNumber,
    string? VillageCode,
    string? Address,
    string? HeadName,
    string? Status,
    Guid? GroupId = null,
    Guid? CompoundId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<MemberForm>? Members = null);

public sealed record MemberForm(string? Name, string? Relation, string? IdNumber, string? Phone);

/// <summary>The checked household fields (members are checked separately).</summary>
public sealed record HouseholdDetails(
    string HouseholdNumber,
    string VillageCode,
    Guid? GroupId,
    Guid? CompoundId,
    string Address,
    HouseholdStatus Status,
    IReadOnlyList<string> Tags);

/// <summary>
/// A checked member with normalised plain values, before encryption. KeepsIdNumber, KeepsPhone: the
/// field was left out, so an edit keeps what is stored (most staff who may edit a household never
/// see these unmasked); sent empty, it is cleared.
/// </summary>
public sealed record ValidMember(string Name, string Relation, string? IdNumber, string? Phone, bool KeepsIdNumber = false, bool KeepsPhone = false)
{
    public bool IsHead => Relation == HouseholdMember.HeadRelation;
}
