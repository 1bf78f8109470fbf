using MassWork.Contracts.Personnel.V1;

namespace MassWork.Notifications.Recipients;

/// <summary>
/// Keeps the recipients of the households in a message as the snapshots say, in two statements:
/// upsert the members with a mobile phone (newest snapshot wins), and drop those of these households
/// no longer listed with one.
/// </summary>
public static class RecipientProjection
{
    public sealed record Snapshot(Guid HouseholdId, string Number, string VillageCode, IReadOnlyList<string> Tags, IReadOnlyList<HouseholdMemberContact> Members, DateTimeOffset At);

    public static Snapshot Of(HouseholdRegistered e) => new(e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.Tags, e.Members, e.RegisteredAt);

    public static Snapshot Of(HouseholdUpdated e) => new(e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.Tags, e.Members, e.UpdatedAt);

    public static async Task ApplyAsync(NotificationsDbContext db, PersonalDataProtector protector, IReadOnlyCollection<Snapshot> snapshots, CancellationToken cancellationToken)
    {
        var latest = snapshots.GroupBy(s => s.HouseholdId).Select(g => g.MaxBy(s => s.At)!).ToList();
        var rows = latest.SelectMany(s => s.Members
                .Select(m => (Snapshot: s, Member: m, Phone: m.Phone is null ? null : PhoneNumber.Normalize(m.Phone)))
                .Where(x => x.Phone is not null && PhoneNumber.IsMobile(x.Phone)))
            .ToList();
        var households = latest.Select(s => s.HouseholdId).ToArray();
        var members = rows.Select(r => r.Member.MemberId).ToArray();
        var times = latest.ToDictionary(s => s.HouseholdId, s => s.At);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM recipients r
            USING unnest({households}, {latest.Select(s => s.At).ToArray()}) AS h(id, at)
            WHERE r.household_id = h.id AND r.updated_at <= h.at AND NOT (r.member_id = ANY({members}))
            """, cancellationToken);
        if (rows.Count == 0)
        {
            return;
        }

        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO recipients (member_id, household_id, household_number, village_code, tags, is_head, name, phone_cipher, phone_hash, phone_masked, updated_at)
            SELECT u.member_id, u.household_id, u.number, u.village, CASE WHEN u.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(u.tags, chr(31)) END,
                   u.is_head, u.name, u.cipher, u.hash, u.masked, u.at
            FROM unnest({members}, {rows.Select(r => r.Snapshot.HouseholdId).ToArray()}, {rows.Select(r => r.Snapshot.Number).ToArray()},
                        {rows.Select(r => r.Snapshot.VillageCode).ToArray()}, {rows.Select(r => string.Join('\u001f', r.Snapshot.Tags)).ToArray()},
                        {rows.Select(r => r.Member.IsHead).ToArray()}, {rows.Select(r => r.Member.Name).ToArray()},
                        {rows.Select(r => protector.Encrypt(r.Phone!)).ToArray()}, {rows.Select(r => protector.Hash(r.Phone!)).ToArray()},
                        {rows.Select(r => PhoneNumber.Mask(r.Phone!)).ToArray()}, {rows.Select(r => times[r.Snapshot.HouseholdId]).ToArray()})
                 AS u(member_id, household_id, number, village, tags, is_head, name, cipher, hash, masked, at)
            ON CONFLICT (member_id) DO UPDATE SET
                household_id = excluded.household_id, household_number = excluded.household_number, village_code = excluded.village_code,
                tags = excluded.tags, is_head = excluded.is_head, name = excluded.name, phone_cipher = excluded.phone_cipher,
                phone_hash = excluded.phone_hash, phone_masked = excluded.phone_masked, updated_at = excluded.updated_at
            WHERE recipients.updated_at <= excluded.updated_at
            """, cancellationToken);
    }
}
