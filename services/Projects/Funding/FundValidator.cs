namespace MassWork.Projects.Funding;

/// <summary>A pooled aid fund as a county or the city opens it: its name and the region whose projects it serves.</summary>
public sealed class FundValidator : RequestValidator<FundRequest>
{
    public FundValidator()
    {
        RuleFor(x => x.Name).RequiredText(100).WithMessage("Required, at most 100 characters, e.g. 于都县帮扶资金统筹池.");
        RuleFor(x => x.RegionCode).Must(r => r?.Trim() is { Length: 4 or 6 } region && region.All(char.IsAsciiDigit))
            .WithMessage("The 4-digit city or 6-digit county prefix whose projects the fund serves.");
    }
}
