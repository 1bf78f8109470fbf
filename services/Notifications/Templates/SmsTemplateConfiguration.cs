namespace MassWork.Notifications.Templates;

internal sealed class SmsTemplateConfiguration : IEntityTypeConfiguration<SmsTemplate>
{
    public void Configure(EntityTypeBuilder<SmsTemplate> t)
    {
        t.HasKey(x => x.Code);
        t.Property(x => x.Code).HasMaxLength(40);
        t.Property(x => x.Name).HasMaxLength(60);
        t.Property(x => x.Signature).HasMaxLength(20);
        t.Property(x => x.Text).HasMaxLength(500);
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        NotificationsDbContext.Json(t.Property(x => x.ProviderCodes));
    }
}
