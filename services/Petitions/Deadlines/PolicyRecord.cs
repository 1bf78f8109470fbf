using MassWork.ServiceDefaults.Audit;

namespace MassWork.Petitions.Deadlines;

/// <summary>A city's stored petition policy (JSON), one row per city code.</summary>
public sealed class PolicyRecord : IAuditedValues
{
    public required string CityCode { get; init; }

    public required PetitionPolicy Policy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
