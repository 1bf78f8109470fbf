using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Approval;

/// <summary>A city's stored approval policy, or the default until an operator stores one.</summary>
public sealed class ApprovalPolicies(ProjectsDbContext db)
{
    public Task<ApprovalPolicy> ForCityAsync(string cityCode, CancellationToken cancellationToken) =>
        CityPolicyStore.ForCityAsync<ApprovalPolicyRecord, ApprovalPolicy>(db, cityCode, ApprovalPolicy.Default, cancellationToken);
}
