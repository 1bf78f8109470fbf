namespace MassWork.Personnel.Regions;

/// <summary>A villager group (村民小组) or residential compound (小区) added to a village.</summary>
public sealed class RegionUnitValidator : RequestValidator<AddRegionUnitRequest>
{
    public RegionUnitValidator()
    {
        RuleFor(x => x.Kind).Must(EnumNames.Is<RegionUnitKind>).WithMessage("Group (村民小组) or Compound (小区).");
        RuleFor(x => x.Name).RequiredText(50);
    }

    /// <summary>The route's village code.</summary>
    public static string? VillageCodeProblem(string villageCode) =>
        DivisionCode.IsVillage(villageCode) ? null : "Must be the 12-digit division code of a village.";
}
