namespace MassWork.Visits.Figures;

internal sealed class FiguresChangeConfiguration : IEntityTypeConfiguration<FiguresChange>
{
    public void Configure(EntityTypeBuilder<FiguresChange> c)
    {
        c.ToTable("figures_changes");
        c.HasKey(x => x.Id);
        c.Property(x => x.Id).UseIdentityAlwaysColumn();
        c.Property(x => x.VillageCode).HasMaxLength(12);
        c.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
    }
}
