namespace MassWork.Projects.Approval;

/// <summary>A city's stored approval policy, or the default until an operator stores one.</summary>
public sealed class ApprovalPolicies(ProjectsDbContext db)
{
    public async Task<ApprovalPolicy> ForCityAsync(string cityCode, CancellationToken cancellationToken) =>
        (await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(p => p.CityCode == cityCode, cancellationToken))?.Policy ?? ApprovalPolicy.Default;
}
