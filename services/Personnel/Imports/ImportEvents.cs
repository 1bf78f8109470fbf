using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Households;

namespace MassWork.Personnel.Imports;

/// <summary>The outbox events of one chunk of an import, written in the chunk's transaction.</summary>
internal sealed class ImportEvents(PersonnelDbContext db, PersonalDataProtector protector, Guid jobId, DateTimeOffset now, Func<int> nextPart)
{
    private const int HouseholdsPerMessage = 500;

    private NpgsqlConnection Connection => (NpgsqlConnection)db.Database.GetDbConnection();

    /// <summary>
    /// HouseholdsImported messages of up to <see cref="HouseholdsPerMessage"/> households: new ones
    /// described from the file, changed ones read back from the register. A household that moved
    /// village loses its pairings there (PairingEnded), as a move through the API does.
    /// </summary>
    public async Task<int> RaiseAsync(
        List<ImportHousehold> fresh, List<Guid> changed, Func<HouseholdCsvRow, string, string?, Guid?> unit, CancellationToken cancellationToken)
    {
        var registered = fresh.Select(h => new HouseholdRegistered(
            h.Id, h.Fields.HouseholdNumber, h.Fields.VillageCode, h.Fields.Name, now, h.Fields.Address, h.Fields.Status.ToString(), h.Fields.Tags,
            h.Members.OrderByDescending(m => ReferenceEquals(m, h.Head))
                .Select(m => new HouseholdMemberContact(m.MemberId, m.Row.Name, m.Row.Relation, ReferenceEquals(m, h.Head), m.Row.Phone)).ToList(),
            unit(h.Fields, "Group", h.Fields.GroupName), unit(h.Fields, "Compound", h.Fields.CompoundName))).ToList();
        var updated = changed.Count == 0 ? [] : await ReadChangedAsync(changed, cancellationToken);
        var count = changed.Count == 0 ? 0 : await EndPairingsOfMovedAsync(changed, cancellationToken);

        var messages = new List<(HouseholdsImported, string)>();
        for (int r = 0, u = 0; r < registered.Count || u < updated.Count;)
        {
            var newOnes = registered.Skip(r).Take(HouseholdsPerMessage).ToList();
            var changedOnes = updated.Skip(u).Take(HouseholdsPerMessage - newOnes.Count).ToList();
            r += newOnes.Count;
            u += changedOnes.Count;
            var part = nextPart();
            messages.Add((new HouseholdsImported(jobId, part, newOnes, changedOnes), $"{jobId}/{part}"));
        }

        return count + await db.CopyIntegrationEventsAsync(messages, now, cancellationToken);
    }

    private async Task<int> EndPairingsOfMovedAsync(List<Guid> changed, CancellationToken cancellationToken)
    {
        var ended = new List<(PairingEnded, string)>();
        await using (var command = new NpgsqlCommand("""
            UPDATE pairings p SET ended_at = @now, ended_by = 'import', end_reason = '户迁出'
            FROM households h
            WHERE h.id = ANY(@changed) AND p.household_id = h.id AND p.ended_at IS NULL AND p.village_code <> h.village_code
            RETURNING p.id, p.kind, p.household_id, p.village_code, p.cadre_id
            """, Connection))
        {
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("changed", changed.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ended.Add((new PairingEnded(reader.GetGuid(0), reader.GetString(1), now, reader.GetGuid(2), reader.GetString(3), reader.GetGuid(4), "户迁出"),
                    reader.GetGuid(0).ToString()));
            }
        }

        return await db.CopyIntegrationEventsAsync(ended, now, cancellationToken);
    }

    private async Task<List<HouseholdUpdated>> ReadChangedAsync(List<Guid> changed, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT h.id, h.household_number, h.village_code, h.group_id, h.compound_id, h.address, h.head_name, h.status, h.tags, h.updated_at,
                   m.id, m.name, m.relation, m.phone_cipher
            FROM households h
            LEFT JOIN household_members m ON m.household_id = h.id
            WHERE h.id = ANY(@changed)
            ORDER BY h.id
            """, Connection);
        command.Parameters.AddWithValue("changed", changed.ToArray());
        var households = new List<(HouseholdEvents.Facts Facts, List<HouseholdEvents.MemberRow> Members)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                if (households.Count == 0 || households[^1].Facts.Id != id)
                {
                    households.Add((new HouseholdEvents.Facts(id, reader.GetString(1), reader.GetString(2), reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(9),
                        reader.GetString(5), reader.GetString(7), reader.GetFieldValue<string[]>(8),
                        reader.IsDBNull(3) ? null : reader.GetGuid(3), reader.IsDBNull(4) ? null : reader.GetGuid(4)), []));
                }

                if (!reader.IsDBNull(10))
                {
                    var relation = reader.GetString(12);
                    households[^1].Members.Add(new HouseholdEvents.MemberRow(reader.GetGuid(10), reader.GetString(11), relation, relation == HouseholdMember.HeadRelation,
                        reader.IsDBNull(13) ? null : reader.GetFieldValue<byte[]>(13)));
                }
            }
        }

        return [.. households.Select(h => HouseholdEvents.Updated(h.Facts, h.Members, protector, "Imported"))];
    }
}
