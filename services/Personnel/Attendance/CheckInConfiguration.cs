namespace MassWork.Personnel.Attendance;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> c)
    {
        c.HasKey(x => new { x.CadreId, x.Day });
        c.HasIndex(x => new { x.TeamId, x.Day });
        c.Property(x => x.Note).HasMaxLength(200);
    }
}
