namespace MassWork.Notifications.Recipients;

internal sealed class CadreContactConfiguration : IEntityTypeConfiguration<CadreContact>
{
    public void Configure(EntityTypeBuilder<CadreContact> c)
    {
        c.HasKey(x => x.CadreId);
        c.Property(x => x.CadreId).ValueGeneratedNever();
        c.Property(x => x.UserId).HasMaxLength(100);
        c.HasIndex(x => x.UserId);
        c.Property(x => x.Name).HasMaxLength(50);
        c.Property(x => x.RegionCode).HasMaxLength(12);
    }
}
