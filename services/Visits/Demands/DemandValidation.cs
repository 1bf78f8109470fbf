using MassWork.Visits.Records;

namespace MassWork.Visits.Demands;

/// <summary>Field checks of demands that need no database; each problem names its field.</summary>
public static class DemandValidation
{
    public const int MaxDemands = 20;
    public const int MaxContent = 2000;
    public const int MaxCategoryCode = 40;

    /// <summary>The demands sent with a visit, fields named demands[i].…; client ids are optional and unique within the visit.</summary>
    public static List<CheckedDemand> CheckAll(IReadOnlyList<DemandInput>? demands, IReadOnlyList<Guid> households, Dictionary<string, string[]> errors)
    {
        if (demands is null)
        {
            return [];
        }

        if (demands.Count > MaxDemands)
        {
            errors["demands"] = [$"At most {MaxDemands} a visit."];
            return [];
        }

        var result = new List<CheckedDemand>();
        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < demands.Count; i++)
        {
            var demand = Check(demands[i], $"demands[{i}].", households, clientIdRequired: false, errors);
            if (demand?.ClientId is { } clientId && !clientIds.Add(clientId))
            {
                errors[$"demands[{i}].clientId"] = ["Listed twice."];
            }
            else if (demand is not null)
            {
                result.Add(demand);
            }
        }

        return result;
    }

    /// <param name="prefix">"" for a demand on its own, "demands[i]." within a visit.</param>
    /// <param name="households">The visit's households; the demand concerns one of them.</param>
    public static CheckedDemand? Check(DemandInput? input, string prefix, IReadOnlyList<Guid> households, bool clientIdRequired, Dictionary<string, string[]> errors)
    {
        if (input is null)
        {
            errors[prefix.TrimEnd('.')] = ["Required: a demand with categoryCode, matterType and content."];
            return null;
        }

        var before = errors.Count;
        var clientId = string.IsNullOrWhiteSpace(input.ClientId) ? null : input.ClientId.Trim();
        if ((clientIdRequired && clientId is null) || clientId?.Length > VisitValidation.MaxClientId)
        {
            errors[prefix + "clientId"] = [$"{(clientIdRequired ? "Required" : "Optional")}, at most {VisitValidation.MaxClientId} characters: the id the client gave the demand when it was first saved (a UUID)."];
        }

        var household = input.HouseholdId ?? (households.Count == 1 ? households[0] : null);
        if (household is null)
        {
            errors[prefix + "householdId"] = ["Required when the visit has more than one household: the household of the visit the demand concerns."];
        }
        else if (households.Count > 0 && !households.Contains(household.Value))
        {
            errors[prefix + "householdId"] = ["Not one of the visit's households: a demand is raised by a household visited."];
        }

        if (CategoryProblem(input.CategoryCode) is { } category)
        {
            errors[prefix + "categoryCode"] = [category];
        }

        if (MatterTypeProblem(input.MatterType, out var matterType) is { } type)
        {
            errors[prefix + "matterType"] = [type];
        }

        var content = input.Content?.Trim();
        if (string.IsNullOrEmpty(content) || content.Length > MaxContent)
        {
            errors[prefix + "content"] = [$"Required, at most {MaxContent} characters: what the household asks, in their words."];
        }

        return errors.Count > before ? null : new CheckedDemand(clientId, household!.Value, input.CategoryCode!.Trim(), matterType, content!);
    }

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
