namespace MassWork.Visits.Households;

internal sealed class HouseholdRecordConfiguration : IEntityTypeConfiguration<HouseholdRecord>
{
    public void Configure(EntityTypeBuilder<HouseholdRecord> h)
    {
        h.HasKey(x => x.Id);
        h.Property(x => x.HouseholdNumber).HasMaxLength(40);
        h.Property(x => x.VillageCode).HasMaxLength(12);
        h.Property(x => x.HeadName).HasMaxLength(50);
    }
}
