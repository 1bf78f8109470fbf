using System.Text.Json;
using MassWork.Notifications.Broadcasts;
using MassWork.Notifications.Digest;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Recipients;
using MassWork.Notifications.Teams;
using MassWork.Notifications.Templates;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MassWork.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<SmsTemplate> Templates => Set<SmsTemplate>();

    public DbSet<SmsMessage> Messages => Set<SmsMessage>();

    public DbSet<Recipient> Recipients => Set<Recipient>();

    public DbSet<CadreContact> CadreContacts => Set<CadreContact>();

    public DbSet<OptOut> OptOuts => Set<OptOut>();

    public DbSet<Broadcast> Broadcasts => Set<Broadcast>();

    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();

    public DbSet<DigestItem> DigestItems => Set<DigestItem>();

    public DbSet<DigestRun> DigestRuns => Set<DigestRun>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SmsTemplate>(t =>
        {
            t.HasKey(x => x.Code);
            t.Property(x => x.Code).HasMaxLength(40);
            t.Property(x => x.Name).HasMaxLength(60);
            t.Property(x => x.Signature).HasMaxLength(20);
            t.Property(x => x.Text).HasMaxLength(500);
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            Json(t.Property(x => x.ProviderCodes));
        });
        modelBuilder.Entity<SmsMessage>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.IdempotencyKey).HasMaxLength(200);
            m.HasIndex(x => x.IdempotencyKey).IsUnique();
            m.Property(x => x.TemplateCode).HasMaxLength(40);
            Json(m.Property(x => x.Params));
            m.Property(x => x.Signature).HasMaxLength(20);
            m.Property(x => x.Text).HasMaxLength(500);
            m.Property(x => x.PhoneMasked).HasMaxLength(20);
            m.Property(x => x.RegionCode).HasMaxLength(12);
            m.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            m.Property(x => x.StatusReason).HasMaxLength(200);
            m.Property(x => x.Provider).HasMaxLength(40);
            m.Property(x => x.ProviderMessageId).HasMaxLength(100);
            m.Property(x => x.LastError).HasMaxLength(500);
            // The dispatcher's queue: only what still has to go is indexed.
            m.HasIndex(x => x.NextAttemptAt).HasFilter(StatusIn(SmsMessage.Waiting)).HasDatabaseName("ix_messages_due");
            m.HasIndex(x => x.Status).HasFilter(StatusIn([MessageStatus.Sending, MessageStatus.InDoubt])).HasDatabaseName("ix_messages_unsettled");
            m.HasIndex(x => new { x.PhoneHash, x.SentAt });
            m.HasIndex(x => x.HouseholdId);
            // Receipts find their message by the call's OutId and the number.
            m.HasIndex(x => new { x.SendBatchId, x.PhoneHash });
            m.HasIndex(x => new { x.BroadcastId, x.Status });
            m.HasIndex(x => x.FailedAt).HasFilter(StatusIn([MessageStatus.Failed])).HasDatabaseName("ix_messages_dead_letters");
        });
        modelBuilder.Entity<Recipient>(r =>
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
        });
        modelBuilder.Entity<CadreContact>(c =>
        {
            c.HasKey(x => x.CadreId);
            c.Property(x => x.CadreId).ValueGeneratedNever();
            c.Property(x => x.UserId).HasMaxLength(100);
            c.HasIndex(x => x.UserId);
            c.Property(x => x.Name).HasMaxLength(50);
            c.Property(x => x.RegionCode).HasMaxLength(12);
        });
        modelBuilder.Entity<OptOut>(o =>
        {
            o.HasKey(x => x.PhoneHash);
            o.Property(x => x.Reply).HasMaxLength(100);
        });
        modelBuilder.Entity<Broadcast>(b =>
        {
            b.HasKey(x => x.Id);
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.RegionPrefix).HasMaxLength(12);
            b.Property(x => x.TemplateCode).HasMaxLength(40);
            Json(b.Property(x => x.Params));
            b.Property(x => x.Text).HasMaxLength(500);
            b.Property(x => x.Audience).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.Status).HasConversion<string>().HasMaxLength(12);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
        });
        ConfigureDigest(modelBuilder);
    }

    private static void ConfigureDigest(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TeamMember>(t =>
        {
            t.HasKey(x => x.MembershipId);
            t.Property(x => x.MembershipId).ValueGeneratedNever();
            t.Property(x => x.VillageCode).HasMaxLength(12);
            t.Property(x => x.Role).HasMaxLength(20);
            // The digest finds each village's serving leader.
            t.HasIndex(x => x.VillageCode).HasFilter("role = 'Leader' AND left_at IS NULL").HasDatabaseName("ix_team_members_leaders");
        });
        modelBuilder.Entity<DigestItem>(i =>
        {
            i.HasKey(x => x.Id);
            i.Property(x => x.Id).UseIdentityByDefaultColumn();
            i.Property(x => x.Key).HasMaxLength(200);
            i.HasIndex(x => x.Key).IsUnique();
            i.Property(x => x.VillageCode).HasMaxLength(12);
            i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            i.HasIndex(x => x.Id).HasFilter("digested_at IS NULL").HasDatabaseName("ix_digest_items_waiting");
        });
        modelBuilder.Entity<DigestRun>(r =>
        {
            r.HasKey(x => x.SlotAt);
        });
    }

    private static void Json(PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v)));

    /// <summary>A partial index's predicate over the statuses the code names, so the two cannot drift.</summary>
    private static string StatusIn(IReadOnlyList<MessageStatus> statuses) =>
        statuses.Count == 1 ? $"status = '{statuses[0]}'" : $"status IN ({string.Join(", ", statuses.Select(s => $"'{s}'"))})";
}
