using MassWork.Contracts.Personnel.V1;
using MassWork.ServiceDefaults.Security;

namespace MassWork.Personnel.Households;

/// <summary>Builds the household events: the whole household, phones decrypted for the notifications service.</summary>
public static class HouseholdEvents
{
    public static IReadOnlyList<HouseholdMemberContact> Contacts(IEnumerable<HouseholdMember> members, PersonalDataProtector protector) =>
        members.OrderByDescending(m => m.IsHead).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new HouseholdMemberContact(m.Id, m.Name, m.Relation, m.IsHead, m.PhoneCipher is null ? null : protector.Decrypt(m.PhoneCipher)))
            .ToList();

    public static HouseholdRegistered Registered(Household h, PersonalDataProtector protector) => new(
        h.Id, h.HouseholdNumber, h.VillageCode, h.HeadName, h.RegisteredAt, h.Address, h.Status.ToString(), h.Tags,
        Contacts(h.Members, protector), h.GroupId, h.CompoundId);

    public static HouseholdUpdated Updated(Household h, PersonalDataProtector protector, string change, string? previousVillageCode = null) => new(
        h.Id, h.HouseholdNumber, h.VillageCode, h.HeadName, h.UpdatedAt, h.Address, h.Status.ToString(), h.Tags,
        Contacts(h.Members, protector), change, h.GroupId, h.CompoundId, previousVillageCode);
}
