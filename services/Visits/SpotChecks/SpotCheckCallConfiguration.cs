namespace MassWork.Visits.SpotChecks;

internal sealed class SpotCheckCallConfiguration : IEntityTypeConfiguration<SpotCheckCall>
{
    public void Configure(EntityTypeBuilder<SpotCheckCall> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).ValueGeneratedNever();
        c.Property(x => x.VillageCode).HasMaxLength(12);
        c.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.Notes).HasMaxLength(SpotCheckCall.MaxNotes);
        c.Property(x => x.AnsweredBy).HasMaxLength(100);
        c.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        c.HasIndex(x => new { x.SpotCheckId, x.Position }).IsUnique();
        // A visit shows the failed calls that flag it.
        c.HasIndex(x => x.VisitIds).HasMethod("gin");
        // Figures count a region's calls answered in a period.
        c.HasIndex(x => new { x.VillageCode, x.AnsweredAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
    }
}
