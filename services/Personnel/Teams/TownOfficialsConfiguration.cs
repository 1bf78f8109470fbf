namespace MassWork.Personnel.Teams;

internal sealed class TownOfficialsConfiguration : IEntityTypeConfiguration<TownOfficials>
{
    public void Configure(EntityTypeBuilder<TownOfficials> o)
    {
        o.HasKey(x => x.TownCode);
        o.Property(x => x.TownCode).HasMaxLength(12);
    }
}
