namespace MassWork.Personnel.Attendance;

internal sealed class LeaveDecisionConfiguration : IEntityTypeConfiguration<LeaveDecision>
{
    public void Configure(EntityTypeBuilder<LeaveDecision> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.DecidedBy).HasMaxLength(100);
        d.Property(x => x.Comment).HasMaxLength(500);
    }
}
