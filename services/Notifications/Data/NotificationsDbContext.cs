using System.Text.Json;
using MassWork.Notifications.Broadcasts;
using MassWork.Notifications.Digest;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Recipients;
using MassWork.Notifications.Teams;
using MassWork.Notifications.Templates;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }

    /// <summary>A jsonb column for a template's values; its entity configuration calls this.</summary>
    internal static void Json(PropertyBuilder<Dictionary<string, string>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Web) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(), v => v.Count, v => new Dictionary<string, string>(v)));

    /// <summary>A partial index's predicate over the statuses the code names, so the two cannot drift.</summary>
    internal static string StatusIn(IReadOnlyList<MessageStatus> statuses) =>
        statuses.Count == 1 ? $"status = '{statuses[0]}'" : $"status IN ({string.Join(", ", statuses.Select(s => $"'{s}'"))})";
}
