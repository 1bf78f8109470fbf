using MassWork.Contracts.Personnel.V1;

namespace MassWork.Visits.Pairings;

/// <summary>
/// Applies pairing events: each sets only its own instant (start or end) and inserts the row when
/// it is the first to arrive, so the outcome is the same in either order and on redelivery.
/// Instants are stored in UTC whatever offset the publisher wrote them with.
/// </summary>
public static class PairingProjection
{
    public static async Task StartAsync(VisitsDbContext db, PairingStarted e, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pairings (id, kind, household_id, cadre_id, village_code, started_at)
            VALUES ({e.PairingId}, {e.Kind}, {e.HouseholdId}, {e.CadreId}, {e.VillageCode}, {e.StartedAt.ToUniversalTime()})
            ON CONFLICT (id) DO UPDATE SET started_at = excluded.started_at
            """, cancellationToken);

    public static async Task EndAsync(VisitsDbContext db, PairingEnded e, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO pairings (id, kind, household_id, cadre_id, village_code, ended_at)
            VALUES ({e.PairingId}, {e.Kind}, {e.HouseholdId}, {e.CadreId}, {e.VillageCode}, {e.EndedAt.ToUniversalTime()})
            ON CONFLICT (id) DO UPDATE SET ended_at = excluded.ended_at
            """, cancellationToken);
}
