using MassWork.Projects.Funding;
using MassWork.ServiceDefaults.Auth;

namespace MassWork.Projects.Projects;

/// <summary>Field checks of proposals and funding plans that need no database; each problem names its field.</summary>
public static class ProjectValidation
{
    public const int MaxLinks = 200;
    public const int MaxHouseholds = 5000;

    public static NewProject? Check(ProposeRequest request, Dictionary<string, string[]> errors)
    {
        var title = request.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            errors["title"] = ["Required, at most 200 characters, e.g. 上坪组通组公路硬化."];
        }

        var category = Parse<ProjectCategory>(request.Category, "category", errors);
        var proposer = Parse<Proposer>(request.Proposer, "proposer", errors);
        var region = request.RegionCode?.Trim();
        if (region is null || region.Length != 12 || !region.All(char.IsAsciiDigit) || RegionPrefixes.Of(region).Length is not (9 or 12))
        {
            errors["regionCode"] = ["The 12-digit division code of the village, or of the town (ending 000) for a town-wide project."];
        }

        var cost = Money.Check(request.EstimatedCostFen, "estimatedCostFen", errors);
        var links = request.LinkedDemandIds ?? [];
        if (links.Count > MaxLinks || links.Contains(Guid.Empty))
        {
            errors["linkedDemandIds"] = [$"At most {MaxLinks} petition case or visit demand ids, none empty."];
        }

        var households = request.BeneficiaryHouseholdIds ?? [];
        var count = request.BeneficiaryCount;
        if (households.Count > MaxHouseholds || households.Contains(Guid.Empty))
        {
            errors["beneficiaryHouseholdIds"] = [$"At most {MaxHouseholds} household ids, none empty."];
        }
        else if (households.Count == 0 && count is not > 0)
        {
            errors["beneficiaryCount"] = ["The households that benefit by id, or for public works their number (1 or more)."];
        }
        else if (households.Count > 0 && count is { } given && given != households.Distinct().Count())
        {
            errors["beneficiaryCount"] = [$"Leave it out, or give {households.Distinct().Count()}: the number of households listed."];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var distinctHouseholds = households.Distinct().ToList();
        return new NewProject(title!, category!.Value, region!, proposer!.Value, links.Distinct().ToList(), distinctHouseholds,
            distinctHouseholds.Count > 0 ? distinctHouseholds.Count : count!.Value, cost!.Value);
    }

    public static (List<FundingLine> Lines, List<string> Council)? Check(FundingRequest request, Dictionary<string, string[]> errors)
    {
        var lines = new List<FundingLine>();
        if (request.Sources is not { Count: > 0 })
        {
            errors["sources"] = [$"One line per source: {EnumNames.OneOf<FundingSource>()}"];
            return null;
        }

        for (var i = 0; i < request.Sources.Count; i++)
        {
            var input = request.Sources[i];
            var field = $"sources[{i}]";
            var source = Parse<FundingSource>(input.Source, $"{field}.source", errors);
            var amount = Money.Check(input.AmountFen, $"{field}.amountFen", errors, zeroAllowed: true);
            var days = input.LabourPersonDays ?? 0;
            var value = input.LabourValueFen ?? 0;
            if (source is { } s && s != FundingSource.Villagers && (days != 0 || value != 0))
            {
                errors[$"{field}.labourPersonDays"] = ["Labour (投工投劳) is the villagers' contribution only."];
            }
            else if (days is < 0 or > 1_000_000)
            {
                errors[$"{field}.labourPersonDays"] = ["Person-days (工日), 0 to 1,000,000."];
            }
            else if (days > 0)
            {
                Money.Check(input.LabourValueFen, $"{field}.labourValueFen", errors);
            }
            else if (value != 0)
            {
                errors[$"{field}.labourValueFen"] = ["A labour value needs the person-days it is worth."];
            }

            if (input.Note?.Length > 200)
            {
                errors[$"{field}.note"] = ["At most 200 characters."];
            }

            if (source is { } known && lines.Any(l => l.Source == known))
            {
                errors[$"{field}.source"] = [$"{known} appears twice: one line per source."];
            }

            if (source is { } ok && amount is { } fen)
            {
                if (fen == 0 && days == 0)
                {
                    errors[$"{field}.amountFen"] = ["A source in the plan brings money or labour."];
                }

                lines.Add(new FundingLine(ok, fen, days, value, input.Note?.Trim()));
            }
        }

        var members = (request.Council?.Members ?? []).Select(m => m.Trim()).ToList();
        if (members.Count > 30 || members.Any(m => m.Length is 0 or > 50) || members.Distinct().Count() != members.Count)
        {
            errors["council.members"] = ["At most 30 distinct names of at most 50 characters."];
        }

        return errors.Count > 0 ? null : (lines, members);
    }

    private static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [value is null ? $"Required. {EnumNames.OneOf<T>()}" : $"Unknown {field} '{value}'. {EnumNames.OneOf<T>()}"];
        return null;
    }
}
