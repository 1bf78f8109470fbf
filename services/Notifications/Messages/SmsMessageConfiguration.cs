namespace MassWork.Notifications.Messages;

internal sealed class SmsMessageConfiguration : IEntityTypeConfiguration<SmsMessage>
{
    public void Configure(EntityTypeBuilder<SmsMessage> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.IdempotencyKey).HasMaxLength(200);
        m.HasIndex(x => x.IdempotencyKey).IsUnique();
        m.Property(x => x.TemplateCode).HasMaxLength(40);
        NotificationsDbContext.Json(m.Property(x => x.Params));
        m.Property(x => x.Signature).HasMaxLength(20);
        m.Property(x => x.Text).HasMaxLength(500);
        m.Property(x => x.PhoneMasked).HasMaxLength(20);
        m.Property(x => x.RegionCode).HasMaxLength(12);
        m.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
        m.Property(x => x.Disclosure).HasConversion<string>().HasMaxLength(12);
        m.Property(x => x.StatusReason).HasMaxLength(200);
        m.Property(x => x.Provider).HasMaxLength(40);
        m.Property(x => x.ProviderMessageId).HasMaxLength(SmsMessage.MaxProviderMessageIdLength);
        m.Property(x => x.LastError).HasMaxLength(SmsMessage.MaxLastErrorLength);
        // The dispatcher's queue: only what still has to go is indexed.
        m.HasIndex(x => x.NextAttemptAt).HasFilter(NotificationsDbContext.StatusIn(SmsMessage.Waiting)).HasDatabaseName("ix_messages_due");
        m.HasIndex(x => x.Status).HasFilter(NotificationsDbContext.StatusIn([MessageStatus.Sending, MessageStatus.InDoubt])).HasDatabaseName("ix_messages_unsettled");
        m.HasIndex(x => new { x.PhoneHash, x.SentAt });
        m.HasIndex(x => x.HouseholdId);
        // Receipts find their message by the call's OutId and the number.
        m.HasIndex(x => new { x.SendBatchId, x.PhoneHash });
        m.HasIndex(x => new { x.BroadcastId, x.Status });
        m.HasIndex(x => x.FailedAt).HasFilter(NotificationsDbContext.StatusIn([MessageStatus.Failed])).HasDatabaseName("ix_messages_dead_letters");
    }
}
