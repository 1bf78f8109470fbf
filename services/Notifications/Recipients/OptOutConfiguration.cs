namespace MassWork.Notifications.Recipients;

internal sealed class OptOutConfiguration : IEntityTypeConfiguration<OptOut>
{
    public void Configure(EntityTypeBuilder<OptOut> o)
    {
        o.HasKey(x => x.PhoneHash);
        o.Property(x => x.Reply).HasMaxLength(100);
    }
}
