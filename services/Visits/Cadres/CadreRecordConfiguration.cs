namespace MassWork.Visits.Cadres;

internal sealed class CadreRecordConfiguration : IEntityTypeConfiguration<CadreRecord>
{
    public void Configure(EntityTypeBuilder<CadreRecord> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Name).HasMaxLength(50);
        c.Property(x => x.Rank).HasMaxLength(20);
        c.Property(x => x.RegionCode).HasMaxLength(12);
        c.Property(x => x.UserId).HasMaxLength(100);
    }
}
