namespace MassWork.Visits.Figures;

internal sealed class VillageFiguresConfiguration : IEntityTypeConfiguration<VillageFigures>
{
    public void Configure(EntityTypeBuilder<VillageFigures> f)
    {
        f.ToTable("village_figures");
        f.HasKey(x => new { x.VillageCode, x.Period });
        f.Property(x => x.VillageCode).HasMaxLength(12);
        f.Property(x => x.Period).HasMaxLength(7);
        // A region's figures for a period: every village under a code prefix.
        f.HasIndex(x => new { x.Period, x.VillageCode }).HasOperators("text_ops", "varchar_pattern_ops");
        // The years a village already has figures for, and the villages to carry into a new year.
        f.HasIndex(x => new { x.Year, x.VillageCode });
    }
}
