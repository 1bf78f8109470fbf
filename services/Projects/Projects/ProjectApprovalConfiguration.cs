namespace MassWork.Projects.Projects;

internal sealed class ProjectApprovalConfiguration : IEntityTypeConfiguration<ProjectApproval>
{
    public void Configure(EntityTypeBuilder<ProjectApproval> a)
    {
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).ValueGeneratedNever();
        a.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.UserId).HasMaxLength(100);
        a.Property(x => x.RegionPrefix).HasMaxLength(12);
        a.HasIndex(x => new { x.ProjectId, x.Order }).IsUnique();
    }
}
