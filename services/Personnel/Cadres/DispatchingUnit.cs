namespace MassWork.Personnel.Cadres;

/// <summary>挂点单位 / 帮扶单位: a city or county department that sends work teams and aid money.</summary>
public sealed class DispatchingUnit
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>The city or county the unit belongs to (a division code).</summary>
    public required string RegionCode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
