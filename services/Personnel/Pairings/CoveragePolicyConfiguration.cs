namespace MassWork.Personnel.Pairings;

internal sealed class CoveragePolicyConfiguration : IEntityTypeConfiguration<CoveragePolicy>
{
    public void Configure(EntityTypeBuilder<CoveragePolicy> p)
    {
        p.HasKey(x => x.CityCode);
        p.Property(x => x.CityCode).HasMaxLength(4);
        p.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
        p.Property(x => x.PresencePeriod).HasConversion<string>().HasMaxLength(10);
        p.Property(x => x.CheckInRadiusMeters).HasDefaultValue(CoveragePolicy.DefaultCheckInRadiusMeters);
        p.Property(x => x.UpdatedBy).HasMaxLength(100);
    }
}
