namespace MassWork.Notifications.Recipients;

internal sealed class RecipientConfiguration : IEntityTypeConfiguration<Recipient>
{
    public void Configure(EntityTypeBuilder<Recipient> r)
    {
        r.HasKey(x => x.MemberId);
        r.Property(x => x.MemberId).ValueGeneratedNever();
        r.Property(x => x.HouseholdNumber).HasMaxLength(40);
        r.Property(x => x.VillageCode).HasMaxLength(12);
        r.Property(x => x.Name).HasMaxLength(50);
        r.Property(x => x.PhoneMasked).HasMaxLength(20);
        r.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
        r.HasIndex(x => x.HouseholdId);
        r.HasIndex(x => x.Tags).HasMethod("gin");
    }
}
