namespace MassWork.Notifications.Digest;

internal sealed class DigestItemConfiguration : IEntityTypeConfiguration<DigestItem>
{
    public void Configure(EntityTypeBuilder<DigestItem> i)
    {
        i.HasKey(x => x.Id);
        i.Property(x => x.Id).UseIdentityByDefaultColumn();
        i.Property(x => x.Key).HasMaxLength(200);
        i.HasIndex(x => x.Key).IsUnique();
        i.Property(x => x.VillageCode).HasMaxLength(12);
        i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        i.HasIndex(x => x.Id).HasFilter("digested_at IS NULL").HasDatabaseName("ix_digest_items_waiting");
    }
}
