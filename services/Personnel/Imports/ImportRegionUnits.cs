namespace MassWork.Personnel.Imports;

/// <summary>The villager groups and compounds an import's file names.</summary>
internal static class ImportRegionUnits
{
    /// <summary>
    /// Villager groups and compounds named in the file, created when missing. Committed on their own
    /// before the chunk, so two chunks of one village never wait on each other's transaction.
    /// </summary>
    public static async Task<Dictionary<(string Village, string Kind, string Name), Guid>> EnsureAsync(
        NpgsqlConnection connection, List<ImportHousehold> households, CancellationToken cancellationToken)
    {
        var wanted = households
            .SelectMany(h => new[] { (h.Fields.VillageCode, "Group", h.Fields.GroupName), (h.Fields.VillageCode, "Compound", h.Fields.CompoundName) })
            .Where(u => u.Item3 is not null)
            .Select(u => (u.VillageCode, u.Item2, u.Item3!))
            .Distinct().Order().ToList();
        var units = new Dictionary<(string, string, string), Guid>();
        if (wanted.Count == 0)
        {
            return units;
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO region_units (id, village_code, kind, name)
            SELECT gen_random_uuid(), v, k, n FROM unnest(@villages, @kinds, @names) AS u(v, k, n)
            ON CONFLICT (village_code, kind, name) DO NOTHING;
            SELECT u.id, u.village_code, u.kind, u.name
            FROM region_units u JOIN unnest(@villages, @kinds, @names) AS w(v, k, n) ON u.village_code = w.v AND u.kind = w.k AND u.name = w.n;
            """, connection);
        command.Parameters.AddWithValue("villages", wanted.Select(u => u.VillageCode).ToArray());
        command.Parameters.AddWithValue("kinds", wanted.Select(u => u.Item2).ToArray());
        command.Parameters.AddWithValue("names", wanted.Select(u => u.Item3).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            units[(reader.GetString(1), reader.GetString(2), reader.GetString(3))] = reader.GetGuid(0);
        }

        return units;
    }
}
