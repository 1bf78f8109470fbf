namespace MassWork.Visits.Pairings;

internal sealed class PairingRecordConfiguration : IEntityTypeConfiguration<PairingRecord>
{
    public void Configure(EntityTypeBuilder<PairingRecord> p)
    {
        p.HasKey(x => x.Id);
        p.Property(x => x.Kind).HasMaxLength(20);
        p.Property(x => x.VillageCode).HasMaxLength(12);
        // Recording a visit reads the pairings of the cadres named.
        p.HasIndex(x => x.CadreId);
        p.HasIndex(x => x.HouseholdId);
        // The villages owing a quarter's meeting are those of a region where pairings were held.
        p.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
    }
}
