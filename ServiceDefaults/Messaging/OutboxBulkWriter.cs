using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace MassWork.ServiceDefaults.Messaging;

/// <summary>
/// Outbox rows for bulk paths (imports, large assignments): written with binary COPY on the
/// context's connection and transaction, so they commit or roll back with the bulk change, and
/// the relay is woken at commit as for <see cref="OutboxExtensions.RaiseIntegrationEvent{TEvent}"/>.
/// </summary>
public static class OutboxBulkWriter
{
    /// <summary>Absent means null to the relay's reader; bulk payloads run to hundreds of megabytes.</summary>
    private static readonly JsonSerializerOptions PayloadOptions = new(JsonSerializerOptions.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<int> CopyIntegrationEventsAsync<TEvent>(
        this ServiceDbContext db, IEnumerable<(TEvent Message, string AggregateId)> events, DateTimeOffset occurredAt, CancellationToken cancellationToken)
        where TEvent : class
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Bulk outbox writes belong in the transaction of the change they announce.");
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var type = OutboxExtensions.MessageTypeName(typeof(TEvent));
        var traceParent = Activity.Current?.Id;
        var count = 0;
        // One buffer for all payloads of the call (Npgsql copies each into its own buffer as it is written).
        var payload = new ArrayBufferWriter<byte>(64 * 1024);
        await using var json = new Utf8JsonWriter(payload);
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY outbox_messages (message_id, message_type, payload, aggregate_id, trace_parent, occurred_at, attempts) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var (message, aggregateId) in events)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(Guid.CreateVersion7(occurredAt), NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(type, NpgsqlDbType.Varchar, cancellationToken);
                payload.ResetWrittenCount();
                json.Reset();
                JsonSerializer.Serialize(json, message, PayloadOptions);
                await writer.WriteAsync(payload.WrittenMemory, NpgsqlDbType.Json, cancellationToken);
                await writer.WriteAsync(aggregateId, NpgsqlDbType.Varchar, cancellationToken);
                if (traceParent is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(traceParent, NpgsqlDbType.Varchar, cancellationToken);
                }

                await writer.WriteAsync(occurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
                count++;
            }

            await writer.CompleteAsync(cancellationToken);
        }

        if (count > 0)
        {
            db.OutboxPending = true;
        }

        return count;
    }
}
