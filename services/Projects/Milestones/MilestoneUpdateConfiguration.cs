namespace MassWork.Projects.Milestones;

internal sealed class MilestoneUpdateConfiguration : IEntityTypeConfiguration<MilestoneUpdate>
{
    public void Configure(EntityTypeBuilder<MilestoneUpdate> u)
    {
        u.HasKey(x => x.Id);
        u.Property(x => x.Id).ValueGeneratedNever();
        u.Property(x => x.Note).HasMaxLength(500);
        u.Property(x => x.UpdatedBy).HasMaxLength(100);
        u.HasIndex(x => x.MilestoneId);
        u.ToTable(t => t.HasCheckConstraint("ck_milestone_updates_percent", "percent BETWEEN 0 AND 100"));
    }
}
