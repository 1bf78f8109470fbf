using MassWork.Visits.Records;

namespace MassWork.Visits.Frequency;

internal sealed class FrequencyAlertConfiguration : IEntityTypeConfiguration<FrequencyAlert>
{
    public void Configure(EntityTypeBuilder<FrequencyAlert> a)
    {
        a.ToTable("frequency_alerts");
        a.HasKey(x => x.Id);
        a.Property(x => x.Id).UseIdentityByDefaultColumn();
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        a.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.SubjectKey).HasMaxLength(80);
        a.Property(x => x.VillageCode).HasMaxLength(12);
        // Found once per subject, level and period, whichever replica detects it.
        a.HasIndex(x => new { x.Kind, x.Level, x.SubjectKey, x.FirstDay }).IsUnique();
        // The sweeper's queue: only what is still to be announced.
        a.HasIndex(x => x.Id).HasFilter("raised_at IS NULL").HasDatabaseName("ix_frequency_alerts_unraised");
    }
}
