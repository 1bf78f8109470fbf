namespace MassWork.Notifications.Broadcasts;

internal sealed class BroadcastConfiguration : IEntityTypeConfiguration<Broadcast>
{
    public void Configure(EntityTypeBuilder<Broadcast> b)
    {
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.RegionPrefix).HasMaxLength(12);
        b.Property(x => x.TemplateCode).HasMaxLength(40);
        NotificationsDbContext.Json(b.Property(x => x.Params));
        b.Property(x => x.Text).HasMaxLength(500);
        b.Property(x => x.Audience).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(x => x.CreatedBy).HasMaxLength(100);
    }
}
