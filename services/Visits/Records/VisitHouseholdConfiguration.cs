namespace MassWork.Visits.Records;

internal sealed class VisitHouseholdConfiguration : IEntityTypeConfiguration<VisitHousehold>
{
    public void Configure(EntityTypeBuilder<VisitHousehold> h)
    {
        h.ToTable("visit_households");
        h.HasKey(x => new { x.VisitId, x.HouseholdId });
        h.Property(x => x.VillageCode).HasMaxLength(12);
        h.HasIndex(x => x.HouseholdId);
        // Region scope and the village filter match village codes by prefix.
        h.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
        // The contact-card list asks, for each household of a village, whether it was ever handed one.
        h.HasIndex(x => x.HouseholdId, "ix_visit_households_contact_card").HasFilter("contact_card_handed_over");
    }
}
