using MassWork.Contracts.Petitions.V1;

namespace MassWork.Petitions.Cases;

/// <summary>The case as events carry it (see <see cref="PetitionCaseRef"/>).</summary>
public static class CaseEvents
{
    public static PetitionCaseRef Ref(Case c, string categoryName, PersonalDataProtector protector) => new(
        c.Id,
        c.Number,
        c.RegionCode,
        c.MatterType.ToString(),
        c.CategoryCode,
        categoryName,
        c.Status.ToString(),
        c.HouseholdId,
        c.PetitionerName is null && c.PetitionerPhoneCipher is null
            ? null
            : new PetitionerContact(c.PetitionerName, c.PetitionerPhoneCipher is null ? null : protector.Decrypt(c.PetitionerPhoneCipher)),
        c.MatterType == MatterType.Accusation,
        c.Holder?.Kind.ToString(),
        c.Holder?.Code,
        c.Holder?.Name,
        c.Ownership?.HandlerUserId,
        c.Ownership?.HandlerName,
        c.SourceDemandId);

    public static DateTimeOffset? OpenDue(Case c, DeadlineKind kind) =>
        c.Deadlines.Where(d => d.Kind == kind && d.IsOpen).Select(d => (DateTimeOffset?)d.DueAt).SingleOrDefault();
}
