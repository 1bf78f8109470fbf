using MassWork.ServiceDefaults.Audit;

namespace MassWork.Visits.Frequency;

/// <summary>A city's stored frequency policy (JSON), one row per 4-digit city code.</summary>
public sealed class FrequencyPolicyRecord : IAuditedValues
{
    public required string CityCode { get; init; }

    public required FrequencyPolicy Policy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
