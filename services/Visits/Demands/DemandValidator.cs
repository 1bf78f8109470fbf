using MassWork.Visits.Records;

namespace MassWork.Visits.Demands;

/// <summary>
/// A demand added to a visit already recorded: validate with the <see cref="VisitHouseholds"/> of
/// that visit, one of which raised it. The same rules check the demands sent with a visit
/// (<see cref="VisitValidator"/>), whose client ids are optional.
/// </summary>
public sealed class DemandValidator : RequestValidator<DemandInput>
{
    public const int MaxDemands = 20;
    public const int MaxContent = 2000;
    public const int MaxCategoryCode = 40;

    /// <summary>A demand sent as JSON null.</summary>
    public const string Missing = "Required: a demand with categoryCode, matterType and content.";

    public DemandValidator()
    {
        Rules(this, clientIdRequired: true);
        RuleFor(x => x.HouseholdId).Custom((householdId, context) =>
        {
            if (HouseholdProblem(householdId, context.Value<VisitHouseholds>().Ids) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
    }

    /// <summary>The rules of a demand's own fields; a demand added on its own names the client's id for it, so a retry stores nothing new.</summary>
    public static void Rules(AbstractValidator<DemandInput> demand, bool clientIdRequired)
    {
        demand.RuleFor(x => x.ClientId).Must(id => ClientId(id) is { } clientId ? clientId.Length <= VisitValidator.MaxClientId : !clientIdRequired)
            .WithMessage($"{(clientIdRequired ? "Required" : "Optional")}, at most {VisitValidator.MaxClientId} characters: "
                + "the id the client gave the demand when it was first saved (a UUID).");
        demand.RuleFor(x => x.CategoryCode).Problem(CategoryProblem);
        demand.RuleFor(x => x.MatterType).Problem(type => MatterTypeProblem(type, out _));
        demand.RuleFor(x => x.Content).RequiredText(MaxContent).WithMessage($"Required, at most {MaxContent} characters: what the household asks, in their words.");
    }

    /// <summary>The demand with its values trimmed and its household settled; call it once validation passed.</summary>
    /// <param name="households">The visit's households; the demand concerns one of them.</param>
    public static CheckedDemand Checked(DemandInput input, IReadOnlyList<Guid> households)
    {
        MatterTypeProblem(input.MatterType, out var matterType);
        return new CheckedDemand(ClientId(input.ClientId), input.HouseholdId ?? households[0], input.CategoryCode!.Trim(), matterType, input.Content!.Trim());
    }

    /// <summary>The client's id for the demand, trimmed; null when left out.</summary>
    public static string? ClientId(string? clientId) => string.IsNullOrWhiteSpace(clientId) ? null : clientId.Trim();

    /// <summary>The household the demand concerns: the one named, or the visit's only one; it must be one of the visit's.</summary>
    public static string? HouseholdProblem(Guid? householdId, IReadOnlyList<Guid> households) =>
        (householdId ?? (households.Count == 1 ? households[0] : null)) switch
        {
            null => "Required when the visit has more than one household: the household of the visit the demand concerns.",
            { } household when households.Count > 0 && !households.Contains(household) => "Not one of the visit's households: a demand is raised by a household visited.",
            _ => null,
        };

    /// <summary>The shape of a petitions category code (roads-irrigation, social-security); petitions decides whether it knows it.</summary>
    public static string? CategoryProblem(string? code)
    {
        var trimmed = code?.Trim();
        return trimmed is null || trimmed.Length is < 2 or > MaxCategoryCode
            || !trimmed.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? $"Required: a petitions category code, 2–{MaxCategoryCode} lower-case letters, digits or '-' (GET /api/petitions/categories)."
            : null;
    }

    /// <summary>Request, Suggestion or Dispute; an accusation is refused with the reason.</summary>
    public static string? MatterTypeProblem(string? value, out DemandMatterType matterType)
    {
        if (EnumNames.TryParse(value, out matterType))
        {
            return null;
        }

        return string.Equals(value?.Trim(), "Accusation", StringComparison.OrdinalIgnoreCase)
            ? "An accusation (检举控告) is not taken on a visit: the visit names the household, and an accuser's identity must stay hidden. "
              + "The household lodges it with the discipline inspection office (纪检监察) or the petitions office, which protect the accuser."
            : EnumNames.OneOf<DemandMatterType>() + " (申诉求决, 建议意见, 矛盾纠纷)";
    }
}
