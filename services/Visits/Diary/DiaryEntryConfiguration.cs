namespace MassWork.Visits.Diary;

internal sealed class DiaryEntryConfiguration : IEntityTypeConfiguration<DiaryEntry>
{
    public void Configure(EntityTypeBuilder<DiaryEntry> e)
    {
        e.ToTable("diary_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Text).HasMaxLength(DiaryRules.MaxText);
        e.Property(x => x.WrittenBy).HasMaxLength(100);
        e.HasIndex(x => new { x.CadreId, x.Day });
        e.HasIndex(x => x.RegionCode).HasOperators("varchar_pattern_ops");
        e.HasIndex(x => x.VisitId).HasFilter("visit_id IS NOT NULL");
    }
}
