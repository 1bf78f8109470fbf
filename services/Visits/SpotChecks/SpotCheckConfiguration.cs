namespace MassWork.Visits.SpotChecks;

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> s)
    {
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).ValueGeneratedNever();
        s.Property(x => x.RegionPrefix).HasMaxLength(12);
        s.Property(x => x.DrawnBy).HasMaxLength(100);
        s.HasMany(x => x.Calls).WithOne().HasForeignKey(c => c.SpotCheckId);
        // The checks of a region, newest first.
        s.HasIndex(x => new { x.RegionPrefix, x.DrawnAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
    }
}
