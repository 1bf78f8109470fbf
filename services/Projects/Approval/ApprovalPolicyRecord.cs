using MassWork.ServiceDefaults.Audit;

namespace MassWork.Projects.Approval;

/// <summary>A city's stored approval policy (JSON), one row per city code.</summary>
public sealed class ApprovalPolicyRecord : IAuditedValues
{
    public required string CityCode { get; init; }

    public required ApprovalPolicy Policy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
