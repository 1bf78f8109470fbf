using MassWork.ServiceDefaults.Audit;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// A city's stored policy as JSON, one row per 4-digit city code (petitions' time limits, projects'
/// approval thresholds, visits' frequency); until a city stores one, the service's default applies.
/// Mapped and replaced through <see cref="CityPolicyStore"/>, its changes audited with their values.
/// </summary>
public abstract class CityPolicyRecord<TPolicy> : IAuditedValues
    where TPolicy : class
{
    public string CityCode { get; init; } = "";

    public TPolicy Policy { get; set; } = null!;

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
