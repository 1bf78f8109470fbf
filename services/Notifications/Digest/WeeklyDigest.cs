using MassWork.Notifications.Events;
using MassWork.Notifications.Messages;
using Microsoft.Extensions.Options;

namespace MassWork.Notifications.Digest;

/// <summary>
/// Once a week (<see cref="DigestOptions"/>, Asia/Shanghai) tells each work team leader (队长)
/// what the reminders of the week said about their village: one SMS with the counts. The slot's
/// row (<see cref="DigestRun"/>) is inserted first in the transaction, so of several replicas one
/// writes it, once; a slot missed while the service was down is written when it comes back.
/// The reminders taken are stamped with the slot, those of villages without a leader too (nobody
/// to tell; the cadres had their own SMS).
/// </summary>
public sealed class WeeklyDigest(IServiceScopeFactory scopes, TimeProvider time, IOptions<DigestOptions> options, ILogger<WeeklyDigest> logger) : BackgroundService
{
    /// <summary>The role personnel's events give a team leader (队长).</summary>
    private const string TeamLeaderRole = "Leader";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Weekly visits digest failed; trying again in {Interval}", options.Value.PollInterval);
            }

            await Task.Delay(options.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>Writes the latest slot's digests unless written already; returns how many messages it wrote.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var writer = scope.ServiceProvider.GetRequiredService<MessageWriter>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var now = time.GetUtcNow();
        var slot = options.Value.Schedule.LatestSlot(now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Database.ExecuteSqlAsync($"INSERT INTO digest_runs (slot_at, ran_at, messages) VALUES ({slot}, {now}, 0) ON CONFLICT DO NOTHING", cancellationToken) == 0)
        {
            return 0;
        }

        var lines = await db.Database.SqlQuery<LeaderLines>($"""
            WITH taken AS (
                UPDATE digest_items SET digested_at = {slot} WHERE digested_at IS NULL RETURNING village_code, kind)
            SELECT t.cadre_id AS "LeaderId",
                   count(*) FILTER (WHERE k.kind = {nameof(DigestKind.ContactsOverdue)})::int AS "ContactsOverdue",
                   count(*) FILTER (WHERE k.kind = {nameof(DigestKind.ContactsDueSoon)})::int AS "ContactsDueSoon",
                   count(*) FILTER (WHERE k.kind = {nameof(DigestKind.VillageDays)})::int AS "VillageDays",
                   count(*) FILTER (WHERE k.kind = {nameof(DigestKind.MeetingOverdue)})::int AS "MeetingsOverdue"
            FROM taken k
            JOIN team_members t ON t.village_code = k.village_code AND t.role = {TeamLeaderRole} AND t.joined_at IS NOT NULL AND t.left_at IS NULL
            GROUP BY t.cadre_id
            """).ToListAsync(cancellationToken);
        var leaderIds = lines.Select(l => l.LeaderId).ToList();
        var contacts = await db.CadreContacts.AsNoTracking().Where(c => leaderIds.Contains(c.CadreId) && c.PhoneCipher != null)
            .ToDictionaryAsync(c => c.CadreId, cancellationToken);
        var requests = lines.Where(l => contacts.ContainsKey(l.LeaderId))
            .Select(l => EventNotices.VisitDigest(l.LeaderId, slot, l.ContactsOverdue, l.ContactsDueSoon, l.VillageDays, l.MeetingsOverdue,
                protector.Decrypt(contacts[l.LeaderId].PhoneCipher!), contacts[l.LeaderId].RegionCode))
            .ToList();
        var written = await writer.WriteAsync(requests, cancellationToken);
        await db.Database.ExecuteSqlAsync($"UPDATE digest_runs SET messages = {written} WHERE slot_at = {slot}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Weekly visits digest of {Slot}: {Messages} messages to team leaders", slot, written);
        return written;
    }

    private sealed record LeaderLines(Guid LeaderId, int ContactsOverdue, int ContactsDueSoon, int VillageDays, int MeetingsOverdue);
}
