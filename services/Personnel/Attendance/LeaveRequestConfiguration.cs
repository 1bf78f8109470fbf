namespace MassWork.Personnel.Attendance;

internal sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    public void Configure(EntityTypeBuilder<LeaveRequest> l)
    {
        l.HasKey(x => x.Id);
        l.Property(x => x.TownCode).HasMaxLength(12);
        l.Property(x => x.Reason).HasMaxLength(500);
        l.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
        l.PrimitiveCollection(x => x.Steps).ElementType().HasConversion<string>();
        l.Ignore(x => x.CurrentStep);
        l.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        l.HasIndex(x => new { x.CadreId, x.FirstDay });
        l.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.LeaveId);
    }
}
