namespace MassWork.Personnel.Cadres;

internal sealed class DispatchingUnitConfiguration : IEntityTypeConfiguration<DispatchingUnit>
{
    public void Configure(EntityTypeBuilder<DispatchingUnit> u)
    {
        u.HasKey(x => x.Id);
        u.Property(x => x.Name).HasMaxLength(100);
        u.Property(x => x.RegionCode).HasMaxLength(12);
        u.HasIndex(x => new { x.RegionCode, x.Name }).IsUnique();
        u.Property(x => x.RetireReason).HasMaxLength(200);
        u.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}
