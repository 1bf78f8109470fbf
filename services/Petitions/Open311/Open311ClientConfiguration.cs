namespace MassWork.Petitions.Open311;

internal sealed class Open311ClientConfiguration : IEntityTypeConfiguration<Open311Client>
{
    public void Configure(EntityTypeBuilder<Open311Client> o)
    {
        o.HasKey(x => x.Id);
        o.Property(x => x.Name).HasMaxLength(100);
        o.Property(x => x.RegionPrefix).HasMaxLength(12);
        o.HasIndex(x => x.KeyHash).IsUnique();
    }
}
