using System.Security.Cryptography;
using MassWork.Identity.Audit;

namespace MassWork.ServiceTests.Identity;

/// <summary>
/// The audit archiver on the test's clock: records past the retention leave the live log only once
/// they are in an archive file that reads back whole and in chain order, records inside it stay,
/// and the live chain still verifies from the archive's anchor and still finds an edited record.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class AuditArchiveTests(IdentityFixture service)
{
    private const int RetentionDays = 180;

    [Fact]
    public async Task Records_past_retention_move_to_a_checked_archive_file_and_the_live_chain_verifies_from_its_anchor()
    {
        var start = service.Clock.GetUtcNow();
        var old = await service.ChainAsync(IdentityFixture.Record(start, "old-1"), IdentityFixture.Record(start.AddSeconds(1), "old-2"), IdentityFixture.Record(start.AddSeconds(2), "old-3"));
        service.SetClock(start.AddDays(90));
        var middle = await service.ChainAsync(IdentityFixture.Record(start.AddDays(90), "middle"));
        var now = start.AddDays(RetentionDays + 1);
        service.SetClock(now);
        var recent = await service.ChainAsync(IdentityFixture.Record(now, "recent"));
        // Made long ago but delivered late: chained after a record still inside the retention.
        var late = await service.ChainAsync(IdentityFixture.Record(start.AddHours(2), "late"));

        // The archive cannot be written (a file stands where its folder should be): nothing leaves the log.
        var live = await service.LiveEntriesAsync();
        await File.WriteAllTextAsync(service.ArchiveFolder, "not a folder");
        await Assert.ThrowsAnyAsync<IOException>(() => service.Archiver.ArchiveOnceAsync(CancellationToken.None));
        Assert.Equal(Json(live), Json(await service.LiveEntriesAsync()));
        Assert.Empty(await service.ReadAsync(db => db.AuditArchives.ToListAsync()));
        File.Delete(service.ArchiveFolder);

        // The front of the chain made before the cut-off moves, up to the first record inside the retention.
        var expected = live.TakeWhile(e => e.At < now.AddDays(-RetentionDays)).ToList();
        Assert.Equal(old, expected.Where(e => old.Contains(e.AuditId)).Select(e => e.AuditId));
        Assert.Equal(expected.Count, await ArchiveAllAsync());
        var first = Assert.Single(await service.ReadAsync(db => db.AuditArchives.ToListAsync()));
        var archived = await ArchivedAsync(first);
        Assert.Equal(Json(expected), Json(archived));
        Assert.Null(AuditChain.FirstBreak(archived, 0, AuditChain.Genesis));
        Assert.Equal((expected[0].Sequence, expected[^1].Sequence, expected[^1].Hash), (first.FirstSequence, first.LastSequence, first.LastHash));

        var remaining = await service.LiveEntriesAsync();
        Assert.Equal(Json(live.Skip(expected.Count)), Json(remaining));
        Assert.All(middle.Concat(recent).Concat(late), id => Assert.Contains(remaining, e => e.AuditId == id));
        var verification = await VerifyAsync();
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.GetRawText());
        Assert.Equal(first.LastSequence + 1, verification.GetProperty("fromSequence").GetInt64());

        // An edited record after the anchor is still found, and the chain holds again once it is restored.
        var edited = remaining[0].Sequence;
        await SetUserAsync(edited, "someone-else");
        var broken = await VerifyAsync();
        Assert.False(broken.GetProperty("intact").GetBoolean());
        Assert.Equal(edited, broken.GetProperty("break").GetProperty("sequence").GetInt64());
        await SetUserAsync(edited, remaining[0].UserId);
        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());

        // 90 days on, the middle record is past the retention too; the next file continues from the first anchor.
        now = start.AddDays(90 + RetentionDays + 1);
        service.SetClock(now);
        live = await service.LiveEntriesAsync();
        expected = live.TakeWhile(e => e.At < now.AddDays(-RetentionDays)).ToList();
        Assert.Equal(middle, expected.Select(e => e.AuditId).Where(middle.Contains));
        Assert.Equal(expected.Count, await ArchiveAllAsync());
        var second = (await service.ReadAsync(db => db.AuditArchives.OrderBy(a => a.LastSequence).ToListAsync()))[^1];
        archived = await ArchivedAsync(second);
        Assert.Equal(Json(expected), Json(archived));
        Assert.Null(AuditChain.FirstBreak(archived, first.LastSequence, first.LastHash));
        remaining = await service.LiveEntriesAsync();
        Assert.All(recent.Concat(late), id => Assert.Contains(remaining, e => e.AuditId == id));
        Assert.True((await VerifyAsync()).GetProperty("intact").GetBoolean());
    }

    private async Task<int> ArchiveAllAsync()
    {
        var total = 0;
        while (await service.Archiver.ArchiveOnceAsync(CancellationToken.None) is > 0 and var count)
        {
            total += count;
        }

        return total;
    }

    /// <summary>The records of an anchor's file, once the file is the one the anchor names by its hash.</summary>
    private async Task<List<AuditEntry>> ArchivedAsync(AuditArchive anchor)
    {
        var path = Path.Combine(service.ArchiveFolder, anchor.File);
        Assert.Equal(anchor.FileSha256, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path))));
        return await AuditArchiver.ReadAsync(path, CancellationToken.None);
    }

    private Task<JsonElement> VerifyAsync() =>
        service.SendAsync(HttpMethod.Get, "/api/identity/audit/verify", service.Token("3607", Roles.AuditAdmin, "test-auditor"));

    /// <summary>Edits a record in the database, as someone with access to it could.</summary>
    private async Task SetUserAsync(long sequence, string userId)
    {
        await using var connection = new NpgsqlConnection(service.Infrastructure.DatabaseConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("UPDATE audit_entries SET user_id = @u WHERE sequence = @s", connection);
        command.Parameters.AddWithValue("s", sequence);
        command.Parameters.AddWithValue("u", userId);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    /// <summary>Every field of every record, to compare what was in the log with what the archive holds.</summary>
    private static string Json(IEnumerable<AuditEntry> entries) => JsonSerializer.Serialize(entries, JsonSerializerOptions.Web);
}
