namespace MassWork.Personnel.Regions;

internal sealed class RegionUnitConfiguration : IEntityTypeConfiguration<RegionUnit>
{
    public void Configure(EntityTypeBuilder<RegionUnit> u)
    {
        u.HasKey(x => x.Id);
        u.Property(x => x.VillageCode).HasMaxLength(12);
        u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        u.Property(x => x.Name).HasMaxLength(50);
        u.HasIndex(x => new { x.VillageCode, x.Kind, x.Name }).IsUnique();
    }
}
