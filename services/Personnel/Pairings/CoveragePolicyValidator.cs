using System.Linq.Expressions;

namespace MassWork.Personnel.Pairings;

/// <summary>A city's coverage and presence policy as its operators set it; the figures' own ranges are <see cref="CoveragePolicy"/>'s.</summary>
public sealed class CoveragePolicyValidator : RequestValidator<PolicyRequest>
{
    public CoveragePolicyValidator()
    {
        RuleFor(x => x.Mode).Must(EnumNames.Is<CoverageMode>).WithMessage("Single (双向全覆盖) or Double (二次覆盖).");
        RuleFor(x => x.PresencePeriod).Must(EnumNames.Is<PresencePeriod>).WithMessage("Week or Month.");
        Minimum(x => x.MinResidentSectionLevel);
        Minimum(x => x.MinResidentGeneral);
        Minimum(x => x.MinFullCoverageSectionLevel);
        Minimum(x => x.MinFullCoverageGeneral);
        RuleFor(x => x.PresenceDays).Problem((x, days) =>
        {
            // An unknown period is refused on its own field; the days are then judged against a week.
            EnumNames.TryParse<PresencePeriod>(x.PresencePeriod, out var period);
            var maxDays = period == PresencePeriod.Month ? 31 : 7;
            return days is null || days < 0 || days > maxDays ? $"Between 0 and {maxDays} for a {period.ToString().ToLowerInvariant()}." : null;
        });
        RuleFor(x => x.CheckInRadiusMeters).Problem(radius => radius is { } meters ? CoveragePolicy.ValidateRadius(meters) : null);
    }

    /// <summary>A minimum number of households per cadre, named in its message as the request names it.</summary>
    private void Minimum(Expression<Func<PolicyRequest, int?>> minimum) =>
        RuleFor(minimum).Custom((value, context) =>
        {
            if ((value is null ? "Required." : CoveragePolicy.ValidateFigures(value.Value, context.PropertyPath)) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
}
