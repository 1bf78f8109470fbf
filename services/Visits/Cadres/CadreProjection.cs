using MassWork.Contracts.Personnel.V1;

namespace MassWork.Visits.Cadres;

/// <summary>
/// Applies cadre snapshots to the read model: insert, or replace when the snapshot is not older
/// than what is held. Every cadre event maps to a <see cref="Snapshot"/> through its own
/// <c>Of</c>, so a later event (a changed rank or login, a retirement) adds a mapping here and a
/// consumer beside <see cref="CadreRegisteredConsumer"/>, and arrives in any order.
/// </summary>
public static class CadreProjection
{
    public sealed record Snapshot(Guid Id, string Name, string Rank, string RegionCode, string? UserId, DateTimeOffset At);

    public static Snapshot Of(CadreRegistered e) => new(e.CadreId, e.Name, e.Rank, e.RegionCode, e.UserId, e.RegisteredAt);

    public static Snapshot Of(CadreUpdated e) => new(e.CadreId, e.Name, e.Rank, e.RegionCode, e.UserId, e.UpdatedAt);

    public static async Task ApplyAsync(VisitsDbContext db, Snapshot s, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO cadres (id, name, rank, region_code, user_id, updated_at)
            VALUES ({s.Id}, {s.Name}, {s.Rank}, {s.RegionCode}, {s.UserId}, {s.At.ToUniversalTime()})
            ON CONFLICT (id) DO UPDATE SET
                name = excluded.name, rank = excluded.rank, region_code = excluded.region_code,
                user_id = excluded.user_id, updated_at = excluded.updated_at
            WHERE cadres.updated_at <= excluded.updated_at
            """, cancellationToken);
}
