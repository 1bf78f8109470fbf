using MassWork.Personnel.Cadres;
using MassWork.Personnel.Households;

namespace MassWork.Personnel.Pairings;

internal sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> p)
    {
        p.HasKey(x => x.Id);
        p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        p.Property(x => x.VillageCode).HasMaxLength(12);
        p.Property(x => x.StartedBy).HasMaxLength(100);
        p.Property(x => x.EndedBy).HasMaxLength(100);
        p.Property(x => x.EndReason).HasMaxLength(Pairing.MaxEndReasonLength);
        p.Ignore(x => x.IsActive);
        // One active pairing of each kind per household; history rows have ended_at set.
        p.HasIndex(x => new { x.HouseholdId, x.Kind }).IsUnique().HasFilter("ended_at IS NULL").HasDatabaseName("ix_pairings_active_household_kind");
        p.HasIndex(x => x.CadreId).HasFilter("ended_at IS NULL").HasDatabaseName("ix_pairings_active_cadre");
        p.HasIndex(x => new { x.VillageCode, x.HouseholdId, x.Kind }).HasFilter("ended_at IS NULL")
            .HasOperators("varchar_pattern_ops").HasDatabaseName("ix_pairings_active_village");
        p.HasIndex(x => x.HouseholdId).HasDatabaseName("ix_pairings_household_history");
        p.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId);
        p.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId);
    }
}
