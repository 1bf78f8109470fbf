namespace MassWork.Petitions.Open311;

/// <summary>An Open311 client (a hotline or app that files matters) and the jurisdiction its key covers.</summary>
public sealed class Open311ClientValidator : RequestValidator<Open311ClientRequest>
{
    public Open311ClientValidator()
    {
        // The actor columns hold 100 characters: the prefix, then the name.
        RuleFor(x => x.Name).RequiredText(100 - Open311Endpoints.ActorPrefix.Length);
        RuleFor(x => x.RegionPrefix).Must(RegionPrefixes.IsValid)
            .WithMessage("The jurisdiction: a division code prefix of 2, 4, 6, 9 or 12 digits.");
    }
}
