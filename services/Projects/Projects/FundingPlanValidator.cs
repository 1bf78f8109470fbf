using FluentValidation.Results;
using MassWork.Projects.Funding;

namespace MassWork.Projects.Projects;

/// <summary>
/// Field rules of a funding plan: one line per source with its money and, from the villagers only,
/// labour (投工投劳); and the villager council (理事会) by name. Each problem names its field.
/// </summary>
public sealed class FundingPlanValidator : RequestValidator<FundingRequest>
{
    public const int MaxPersonDays = 1_000_000;
    public const int MaxCouncil = 30;

    public FundingPlanValidator()
    {
        RuleFor(x => x.Sources).Must(s => s is { Count: > 0 }).WithMessage($"One line per source: {EnumNames.OneOf<FundingSource>()}")
            .Custom((lines, context) =>
            {
                // A source whose amount is right is planned; a later line of the same source is the one refused.
                var planned = new HashSet<FundingSource>();
                for (var i = 0; i < lines!.Count; i++)
                {
                    if (lines[i] is { } line && EnumNames.TryParse<FundingSource>(line.Source, out var source))
                    {
                        if (planned.Contains(source))
                        {
                            context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}].source", $"{source} appears twice: one line per source."));
                        }
                        else if (Money.Problem(line.AmountFen, zeroAllowed: true) is null)
                        {
                            planned.Add(source);
                        }
                    }
                }
            });
        RuleForEachElement(x => x.Sources, line =>
        {
            line.RuleFor(l => l.Source).KnownName<FundingLineInput, FundingSource>();
            line.RuleFor(l => l.AmountFen).Fen(zeroAllowed: true)
                .Must((l, fen) => fen != 0 || (l.LabourPersonDays ?? 0) != 0 || !EnumNames.Is<FundingSource>(l.Source))
                .WithMessage("A source in the plan brings money or labour.");
            line.RuleFor(l => l.LabourPersonDays).Problem((l, _) => PersonDaysProblem(l));
            line.RuleFor(l => l.LabourValueFen).Problem((l, value) =>
                    (l.LabourPersonDays ?? 0) > 0 ? Money.Problem(value) : (value ?? 0) != 0 ? "A labour value needs the person-days it is worth." : null)
                .When(l => PersonDaysProblem(l) is null);
            line.RuleFor(l => l.Note).Must(n => n is not { Length: > 200 }).WithMessage("At most 200 characters.");
        });
        RuleFor(x => x.Council!.Members).Must(m => m is null || IsCouncil(m)).WithMessage($"At most {MaxCouncil} distinct names of at most 50 characters.")
            .When(x => x.Council is not null);
        RuleForEach(x => x.Council!.Members).Cascade(CascadeMode.Continue).NotNull().WithMessage("Required: an element, not null.")
            .When(x => x.Council is not null);
    }

    /// <summary>The plan's lines with their values parsed and notes trimmed, and the council's names; call it once validation passed.</summary>
    public static (List<FundingLine> Lines, List<string> Council) Checked(FundingRequest request)
    {
        var lines = new List<FundingLine>();
        foreach (var line in request.Sources!)
        {
            EnumNames.TryParse<FundingSource>(line.Source, out var source);
            lines.Add(new FundingLine(source, line.AmountFen!.Value, line.LabourPersonDays ?? 0, line.LabourValueFen ?? 0, line.Note?.Trim()));
        }

        return (lines, [.. (request.Council?.Members ?? []).Select(m => m.Trim())]);
    }

    /// <summary>Labour comes from the villagers alone, in a plausible number of person-days (工日).</summary>
    private static string? PersonDaysProblem(FundingLineInput line)
    {
        var days = line.LabourPersonDays ?? 0;
        return EnumNames.TryParse<FundingSource>(line.Source, out var source) && source != FundingSource.Villagers && (days != 0 || (line.LabourValueFen ?? 0) != 0)
            ? "Labour (投工投劳) is the villagers' contribution only."
            : days is < 0 or > MaxPersonDays ? "Person-days (工日), 0 to 1,000,000."
            : null;
    }

    /// <summary>The council's names once trimmed: a few, distinct, none blank or long; a null name is refused on its own.</summary>
    private static bool IsCouncil(IReadOnlyList<string> members)
    {
        var names = members.OfType<string>().Select(m => m.Trim()).ToList();
        return names.Count <= MaxCouncil && names.All(n => n.Length is > 0 and <= 50) && names.Distinct().Count() == names.Count;
    }
}
