using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Approval;

internal sealed class ApprovalPolicyRecordConfiguration : IEntityTypeConfiguration<ApprovalPolicyRecord>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicyRecord> r) => CityPolicyStore.Configure<ApprovalPolicyRecord, ApprovalPolicy>(r, ProjectsDbContext.JsonOptions);
}
