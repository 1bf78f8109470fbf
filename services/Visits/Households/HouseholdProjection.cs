using MassWork.Contracts.Personnel.V1;

namespace MassWork.Visits.Households;

/// <summary>
/// Applies household snapshots to the read model in one statement per message: insert, or replace
/// when the snapshot is not older than what is held, so a late HouseholdRegistered never undoes
/// the HouseholdUpdated that overtook it.
/// </summary>
public static class HouseholdProjection
{
    public sealed record Snapshot(Guid Id, string Number, string VillageCode, Guid? GroupId, string HeadName, DateTimeOffset At);

    public static Snapshot Of(HouseholdRegistered e) => new(e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.GroupId, e.HeadName, e.RegisteredAt);

    public static Snapshot Of(HouseholdUpdated e) => new(e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.GroupId, e.HeadName, e.UpdatedAt);

    public static async Task ApplyAsync(VisitsDbContext db, IReadOnlyCollection<Snapshot> snapshots, CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        // The newest snapshot per household within the message, so ON CONFLICT sees each id once.
        var latest = snapshots.GroupBy(s => s.Id).Select(g => g.MaxBy(s => s.At)!).ToList();
        var ids = latest.Select(s => s.Id).ToArray();
        var numbers = latest.Select(s => s.Number).ToArray();
        var villages = latest.Select(s => s.VillageCode).ToArray();
        var groups = latest.Select(s => s.GroupId).ToArray();
        var heads = latest.Select(s => s.HeadName).ToArray();
        var times = latest.Select(s => s.At.ToUniversalTime()).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO households (id, household_number, village_code, group_id, head_name, updated_at)
            SELECT u.id, u.number, u.village, u.grp, u.head, u.at
            FROM unnest({ids}, {numbers}, {villages}, {groups}, {heads}, {times}) AS u(id, number, village, grp, head, at)
            ON CONFLICT (id) DO UPDATE SET
                household_number = excluded.household_number, village_code = excluded.village_code, group_id = excluded.group_id,
                head_name = excluded.head_name, updated_at = excluded.updated_at
            WHERE households.updated_at <= excluded.updated_at
            """, cancellationToken);
    }
}
