namespace MassWork.Personnel.Regions;

/// <summary>A place down to village, keyed by its division code.</summary>
public sealed class Region
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required RegionLevel Level { get; init; }

    public string? ParentCode { get; init; }
}
