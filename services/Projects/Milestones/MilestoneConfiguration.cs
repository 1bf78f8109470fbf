namespace MassWork.Projects.Milestones;

internal sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Name).HasMaxLength(100);
        m.Property(x => x.CreatedBy).HasMaxLength(100);
        m.HasMany(x => x.Updates).WithOne().HasForeignKey(u => u.MilestoneId);
        m.HasIndex(x => new { x.ProjectId, x.Name }).IsUnique();
        m.ToTable(t =>
        {
            t.HasCheckConstraint("ck_milestones_weight_positive", "weight > 0");
            t.HasCheckConstraint("ck_milestones_progress_percent", "progress_percent BETWEEN 0 AND 100");
        });
    }
}
