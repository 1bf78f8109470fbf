namespace MassWork.Personnel.Pairings;

/// <summary>A pairing (结对) to start: which cadre, which household, and as what.</summary>
public sealed class PairingValidator : RequestValidator<StartPairingRequest>
{
    public PairingValidator()
    {
        RuleFor(x => x.CadreId).NotNull().WithMessage("Required.");
        RuleFor(x => x.HouseholdId).NotNull().WithMessage("Required.");
        RuleFor(x => x.Kind).Must(EnumNames.Is<PairingKind>).WithMessage("Resident (常驻队员) or FullCoverage (全覆盖干部).");
    }
}
