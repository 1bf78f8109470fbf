using MassWork.Contracts.Personnel.V1;

namespace MassWork.Petitions.Households;

/// <summary>
/// Applies household snapshots to the read model in one statement per message: insert, or replace
/// when the snapshot is not older than what is held (events may arrive out of order).
/// </summary>
public static class HouseholdProjection
{
    public sealed record Snapshot(Guid Id, string Number, string VillageCode, string HeadName, string Status, string[] Tags, string[] PhoneHashes, DateTimeOffset At);

    public static Snapshot Of(HouseholdRegistered e, PersonalDataProtector protector) =>
        new(e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.HeadName, e.Status, [.. e.Tags], PhoneHashes(e.Members, protector), e.RegisteredAt);

    public static Snapshot Of(HouseholdUpdated e, PersonalDataProtector protector) =>
        new(e.HouseholdId, e.HouseholdNumber, e.VillageCode, e.HeadName, e.Status, [.. e.Tags], PhoneHashes(e.Members, protector), e.UpdatedAt);

    /// <summary>The members' phones as keyed hashes (base64), never the numbers: which phones may open the household's matters in the public query.</summary>
    public static string[] PhoneHashes(IEnumerable<HouseholdMemberContact> members, PersonalDataProtector protector) =>
        [.. members.Where(m => !string.IsNullOrWhiteSpace(m.Phone)).Select(m => Convert.ToBase64String(protector.PhoneHash(m.Phone!))).Distinct()];

    public static async Task ApplyAsync(PetitionsDbContext db, IReadOnlyCollection<Snapshot> snapshots, CancellationToken cancellationToken)
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
        var heads = latest.Select(s => s.HeadName).ToArray();
        var statuses = latest.Select(s => s.Status).ToArray();
        var tags = latest.Select(s => string.Join('\u001f', s.Tags)).ToArray();
        var phones = latest.Select(s => string.Join(',', s.PhoneHashes)).ToArray();
        var times = latest.Select(s => s.At).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO households (id, household_number, village_code, head_name, status, tags, phone_hashes, updated_at)
            SELECT u.id, u.number, u.village, u.head, u.status, CASE WHEN u.tags = '' THEN ARRAY[]::text[] ELSE string_to_array(u.tags, chr(31)) END,
                   CASE WHEN u.phones = '' THEN ARRAY[]::text[] ELSE string_to_array(u.phones, ',') END, u.at
            FROM unnest({ids}, {numbers}, {villages}, {heads}, {statuses}, {tags}, {phones}, {times}) AS u(id, number, village, head, status, tags, phones, at)
            ON CONFLICT (id) DO UPDATE SET
                household_number = excluded.household_number, village_code = excluded.village_code, head_name = excluded.head_name,
                status = excluded.status, tags = excluded.tags, phone_hashes = excluded.phone_hashes, updated_at = excluded.updated_at
            WHERE households.updated_at <= excluded.updated_at
            """, cancellationToken);
    }
}
