namespace MassWork.Personnel.Regions;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> r)
    {
        r.HasKey(x => x.Code);
        r.Property(x => x.Code).HasMaxLength(12);
        r.Property(x => x.Name).HasMaxLength(100);
        r.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        r.Property(x => x.ParentCode).HasMaxLength(12);
        r.HasIndex(x => x.ParentCode);
        r.HasIndex(x => x.Code).HasOperators("varchar_pattern_ops").HasDatabaseName("ix_regions_code_prefix");
    }
}
