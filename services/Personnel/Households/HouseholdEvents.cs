using MassWork.Contracts.Personnel.V1;

namespace MassWork.Personnel.Households;

/// <summary>
/// Builds the household events: the whole household, phones decrypted for the notifications
/// service, the head first and the others by name (ordinal, not the database's collation). The
/// household endpoints build them from the entity, the import from the rows it just wrote.
/// </summary>
public static class HouseholdEvents
{
    /// <summary>A household's fields as the events carry them.</summary>
    public sealed record Facts(Guid Id, string Number, string VillageCode, string HeadName, DateTimeOffset At, string Address, string Status, IReadOnlyList<string> Tags, Guid? GroupId, Guid? CompoundId);

    /// <summary>A member as stored: the phone still encrypted.</summary>
    public readonly record struct MemberRow(Guid Id, string Name, string Relation, bool IsHead, byte[]? PhoneCipher);

    public static IReadOnlyList<HouseholdMemberContact> Contacts(IEnumerable<MemberRow> members, PersonalDataProtector protector) =>
        members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new HouseholdMemberContact(m.Id, m.Name, m.Relation, m.IsHead, m.PhoneCipher is null ? null : protector.Decrypt(m.PhoneCipher)))
            .ToList();

    public static IReadOnlyList<HouseholdMemberContact> Contacts(IEnumerable<HouseholdMember> members, PersonalDataProtector protector) =>
        Contacts(members.Select(m => new MemberRow(m.Id, m.Name, m.Relation, m.IsHead, m.PhoneCipher)), protector);

    public static HouseholdRegistered Registered(Household h, PersonalDataProtector protector) => new(
        h.Id, h.HouseholdNumber, h.VillageCode, h.HeadName, h.RegisteredAt, h.Address, h.Status.ToString(), h.Tags,
        Contacts(h.Members, protector), h.GroupId, h.CompoundId);

    public static HouseholdUpdated Updated(Household h, PersonalDataProtector protector, string change, string? previousVillageCode = null) =>
        Updated(new Facts(h.Id, h.HouseholdNumber, h.VillageCode, h.HeadName, h.UpdatedAt, h.Address, h.Status.ToString(), h.Tags, h.GroupId, h.CompoundId),
            h.Members.Select(m => new MemberRow(m.Id, m.Name, m.Relation, m.IsHead, m.PhoneCipher)), protector, change, previousVillageCode);

    public static HouseholdUpdated Updated(Facts f, IEnumerable<MemberRow> members, PersonalDataProtector protector, string change, string? previousVillageCode = null) => new(
        f.Id, f.Number, f.VillageCode, f.HeadName, f.At, f.Address, f.Status, f.Tags,
        Contacts(members, protector), change, f.GroupId, f.CompoundId, previousVillageCode);
}
