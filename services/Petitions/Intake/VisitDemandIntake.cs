using MassWork.Contracts.Visits.V1;
using MassWork.Petitions.Cases;

namespace MassWork.Petitions.Intake;

/// <summary>
/// How a demand raised on a visit (走访) enters the intake staff use, with its repeat / 逐级 / 终结
/// checks: channel Visit, the household and the village it was raised in, received at village level
/// (the cadre stood at the household's door, so a visit is never a skip-level intake). A category
/// petitions does not know (or no longer offers) is registered under <see cref="FallbackCategory"/>
/// with the cadre's choice kept in the text, so the household's demand is never lost for a code.
/// An accusation is never taken through a visit: the visit names the household, and an accuser
/// must stay hidden.
/// </summary>
public static class VisitDemandIntake
{
    public const string FallbackCategory = "other";

    public const IntakeLevel Level = IntakeLevel.Village;

    /// <param name="categoryKnown">Whether the demand's category is an active petitions category.</param>
    public static IntakeRequest Request(DemandRaisedInVisit demand, bool categoryKnown)
    {
        if (!EnumNames.TryParse<MatterType>(demand.MatterType, out var type) || type == MatterType.Accusation)
        {
            throw new ArgumentException(
                $"Demand {demand.DemandId} has matter type {demand.MatterType}: a visit raises requests, suggestions and disputes, never accusations.", nameof(demand));
        }

        return new IntakeRequest(
            nameof(Channel.Visit),
            type.ToString(),
            categoryKnown ? demand.CategoryCode : FallbackCategory,
            categoryKnown ? demand.Content : $"{demand.Content}\n（走访时所选分类“{demand.CategoryCode}”不在诉求分类中，按“其他”登记。）",
            demand.HouseholdId,
            demand.VillageCode);
    }
}
