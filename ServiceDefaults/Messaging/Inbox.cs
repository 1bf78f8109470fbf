using Microsoft.EntityFrameworkCore;

namespace MassWork.ServiceDefaults.Messaging;

public static class Inbox
{
    /// <summary>Records the messages for the consumer in one statement; answers those not recorded before.</summary>
    public static async Task<IReadOnlySet<Guid>> TryRecordAllAsync(DbContext db, IReadOnlyCollection<Guid> messageIds, string consumer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = messageIds.ToArray();
        var inserted = await db.Database.SqlQuery<Guid>(
            $"""
            INSERT INTO inbox_messages (message_id, consumer, processed_at)
            SELECT DISTINCT id, {consumer}, {now} FROM unnest({ids}) AS id
            ON CONFLICT DO NOTHING RETURNING message_id AS "Value"
            """).ToListAsync(cancellationToken);
        return inserted.ToHashSet();
    }
}
