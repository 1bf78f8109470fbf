namespace MassWork.Personnel.Households;

public sealed record MemberResponse(Guid Id, string Name, string Relation, bool IsHead, string? IdNumber, string? Phone);

/// <summary>A household as shown to staff: ID numbers and phones masked (3607**********1234, 138****5678).</summary>
public sealed record HouseholdResponse(
    Guid Id,
    string HouseholdNumber,
    string VillageCode,
    Guid? GroupId,
    Guid? CompoundId,
    string Address,
    string HeadName,
    string Status,
    IReadOnlyList<string> Tags,
    IReadOnlyList<MemberResponse> Members,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt,
    uint Version)
{
    public static HouseholdResponse From(Household h) => new(
        h.Id, h.HouseholdNumber, h.VillageCode, h.GroupId, h.CompoundId, h.Address, h.HeadName, h.Status.ToString(), h.Tags,
        h.Members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new MemberResponse(m.Id, m.Name, m.Relation, m.IsHead, m.IdNumberMasked, m.PhoneMasked)).ToList(),
        h.RegisteredAt, h.UpdatedAt, h.Version);
}

public sealed record HouseholdSummary(
    Guid Id, string HouseholdNumber, string VillageCode, string Address, string HeadName, string Status,
    IReadOnlyList<string> Tags, DateTimeOffset RegisteredAt);

public sealed record HouseholdPage(IReadOnlyList<HouseholdSummary> Items, int Total);

public sealed record MoveHouseholdRequest(string? VillageCode, Guid? GroupId, Guid? CompoundId, string? Reason);

/// <summary>The full values of one member, for roles allowed to read them; every such read is logged.</summary>
public sealed record MemberPersonalData(Guid MemberId, string Name, string? IdNumber, string? Phone);
