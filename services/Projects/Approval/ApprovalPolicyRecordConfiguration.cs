namespace MassWork.Projects.Approval;

internal sealed class ApprovalPolicyRecordConfiguration : IEntityTypeConfiguration<ApprovalPolicyRecord>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicyRecord> r)
    {
        r.HasKey(x => x.CityCode);
        r.Property(x => x.CityCode).HasMaxLength(4);
        ProjectsDbContext.Json(r.Property(x => x.Policy));
        r.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}
