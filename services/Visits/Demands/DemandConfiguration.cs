using MassWork.Visits.Records;

namespace MassWork.Visits.Demands;

internal sealed class DemandConfiguration : IEntityTypeConfiguration<Demand>
{
    public void Configure(EntityTypeBuilder<Demand> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.ClientId).HasMaxLength(VisitValidator.MaxClientId);
        // A retried demand finds the first; demands sent with their visit may have no client id.
        d.HasIndex(x => new { x.VisitId, x.ClientId }).IsUnique().HasFilter("client_id IS NOT NULL");
        d.Property(x => x.VillageCode).HasMaxLength(12);
        d.Property(x => x.CategoryCode).HasMaxLength(DemandValidator.MaxCategoryCode);
        d.Property(x => x.MatterType).HasConversion<string>().HasMaxLength(20);
        d.Property(x => x.Content).HasMaxLength(DemandValidator.MaxContent);
        d.Property(x => x.RecordedBy).HasMaxLength(100);
        d.Property(x => x.Status).HasMaxLength(20);
        d.Property(x => x.CaseNumber).HasMaxLength(40);
        d.Property(x => x.Outcome).HasMaxLength(20);
        d.Property(x => x.StatusNote).HasMaxLength(4000);
        // The ledger lists a region's or a village's demands by the day they were raised.
        d.HasIndex(x => new { x.VillageCode, x.RaisedAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
    }
}
