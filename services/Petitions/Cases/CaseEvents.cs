using MassWork.Contracts.Petitions.V1;

namespace MassWork.Petitions.Cases;

/// <summary>The case as events carry it (see <see cref="PetitionCaseRef"/>).</summary>
public static class CaseEvents
{
    /// <summary>
    /// The phone goes sealed as stored (see <see cref="PetitionerContact"/>), never the name; an
    /// accuser's household is not named.
    /// </summary>
    public static PetitionCaseRef Ref(Case c, string categoryName) => new(
        c.Id,
        c.Number,
        c.RegionCode,
        c.MatterType.ToString(),
        c.CategoryCode,
        categoryName,
        c.Status.ToString(),
        c.MatterType == MatterType.Accusation ? null : c.HouseholdId,
        c.PetitionerPhoneCipher is null ? null : new PetitionerContact(null, c.PetitionerPhoneCipher),
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
