namespace MassWork.Personnel.Regions;

/// <summary>A villager group (村民小组) or residential compound (小区) inside a village, with a local id.</summary>
public sealed class RegionUnit
{
    public Guid Id { get; init; }

    public required string VillageCode { get; init; }

    public RegionUnitKind Kind { get; init; }

    public required string Name { get; init; }
}

public enum RegionUnitKind
{
    /// <summary>村民小组.</summary>
    Group,

    /// <summary>小区, used by compound mode (三送进小区).</summary>
    Compound,
}
