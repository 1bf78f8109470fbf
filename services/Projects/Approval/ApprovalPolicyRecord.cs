using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Approval;

/// <summary>A city's stored approval policy.</summary>
public sealed class ApprovalPolicyRecord : CityPolicyRecord<ApprovalPolicy>;
