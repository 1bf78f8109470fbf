namespace MassWork.Projects.Projects;

internal sealed class ProjectStepConfiguration : IEntityTypeConfiguration<ProjectStep>
{
    public void Configure(EntityTypeBuilder<ProjectStep> s)
    {
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).ValueGeneratedNever();
        s.Property(x => x.Action).HasMaxLength(40);
        s.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.ActorUserId).HasMaxLength(100);
        s.Property(x => x.Note).HasMaxLength(1000);
        s.HasIndex(x => x.ProjectId);
    }
}
