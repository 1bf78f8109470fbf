using MassWork.Notifications.Messages;

namespace MassWork.Notifications.Broadcasts;

/// <summary>
/// Writes a broadcast's messages from the recipients in chunks of set-based INSERT … SELECT (one
/// message per number: a number shared by two members gets one); the dispatcher sends each chunk as
/// it lands. Marks broadcasts complete when nothing of theirs is left to send.
/// </summary>
public sealed class BroadcastFanOut(IServiceScopeFactory scopes, TimeProvider time, ILogger<BroadcastFanOut> logger) : BackgroundService
{
    private const int ChunkSize = 50_000;

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
                logger.LogWarning(e, "Broadcast fan-out failed; trying again shortly");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var preparing = await db.Broadcasts.Where(b => b.Status == BroadcastStatus.Preparing).OrderBy(b => b.CreatedAt).Select(b => b.Id).ToListAsync(cancellationToken);
        foreach (var id in preparing)
        {
            await FanOutAsync(db, id, cancellationToken);
        }

        await db.Database.ExecuteSqlAsync($"""
            UPDATE broadcasts b SET status = {nameof(BroadcastStatus.Completed)}, updated_at = {time.GetUtcNow()}
            WHERE b.status = {nameof(BroadcastStatus.Sending)}
              AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.broadcast_id = b.id AND m.status = ANY({SmsMessage.Unsettled.Select(x => x.ToString()).ToArray()}))
            """, cancellationToken);
    }

    private async Task FanOutAsync(NotificationsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var after = Guid.Empty;
        while (true)
        {
            var broadcast = await db.Broadcasts.AsNoTracking().SingleAsync(b => b.Id == id, cancellationToken);
            if (broadcast.Status != BroadcastStatus.Preparing)
            {
                return;
            }

            var now = time.GetUtcNow();
            var last = await WriteChunkAsync(db, broadcast, after, now, cancellationToken);
            if (last is null)
            {
                var count = await db.Messages.LongCountAsync(m => m.BroadcastId == id, cancellationToken);
                await db.Broadcasts.Where(b => b.Id == id && b.Status == BroadcastStatus.Preparing).ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.Status, BroadcastStatus.Sending).SetProperty(b => b.Recipients, count).SetProperty(b => b.UpdatedAt, now), cancellationToken);
                logger.LogInformation("Broadcast {Id}: {Count} messages queued", id, count);
                return;
            }

            after = last.Value;
        }
    }

    /// <summary>Writes the messages of the next chunk of recipients; returns the last member it covered, or null when none were left.</summary>
    private static async Task<Guid?> WriteChunkAsync(NotificationsDbContext db, Broadcast broadcast, Guid after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("""
                WITH chunk AS (
                    SELECT member_id, household_id, village_code, phone_cipher, phone_hash, phone_masked FROM recipients
                    WHERE village_code LIKE @prefix AND (cardinality(@tags) = 0 OR tags && @tags) AND (NOT @heads OR is_head) AND member_id > @after
                    ORDER BY member_id LIMIT @chunk),
                written AS (
                    INSERT INTO messages (id, idempotency_key, template_code, params, signature, text, segments, content_hash, broadcast, urgent,
                                          phone_cipher, phone_hash, phone_masked, household_id, region_code, broadcast_id, status, next_attempt_at, attempts, created_at, disclosure)
                    SELECT gen_random_uuid(), 'broadcast:' || @id || ':' || encode(c.phone_hash, 'hex'), @template, @params::jsonb,
                           @signature, @text, @segments, @content_hash, true, false,
                           c.phone_cipher, c.phone_hash, c.phone_masked, c.household_id, c.village_code, @id, @queued, @now, 0, @now, @disclosure
                    FROM chunk c
                    ON CONFLICT (idempotency_key) DO NOTHING)
                SELECT member_id FROM chunk ORDER BY member_id DESC LIMIT 1
                """, connection);
            command.CommandTimeout = 0;
            command.Parameters.AddWithValue("prefix", broadcast.RegionPrefix + "%");
            command.Parameters.AddWithValue("tags", broadcast.Tags);
            command.Parameters.AddWithValue("heads", broadcast.Audience == BroadcastAudience.Heads);
            command.Parameters.AddWithValue("after", after);
            command.Parameters.AddWithValue("disclosure", nameof(MessageDisclosure.Full));
            command.Parameters.AddWithValue("chunk", ChunkSize);
            command.Parameters.AddWithValue("id", broadcast.Id);
            command.Parameters.AddWithValue("template", broadcast.TemplateCode);
            command.Parameters.AddWithValue("queued", nameof(MessageStatus.Queued));
            command.Parameters.AddWithValue("params", Json(broadcast.Params));
            command.Parameters.AddWithValue("signature", broadcast.Signature);
            command.Parameters.AddWithValue("text", broadcast.Text);
            command.Parameters.AddWithValue("segments", broadcast.Segments);
            command.Parameters.AddWithValue("content_hash", MessageWriter.ContentHash(broadcast.Signature, broadcast.Text));
            command.Parameters.AddWithValue("now", now);
            return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Json(Dictionary<string, string> values) => System.Text.Json.JsonSerializer.Serialize(values, System.Text.Json.JsonSerializerOptions.Web);

}
