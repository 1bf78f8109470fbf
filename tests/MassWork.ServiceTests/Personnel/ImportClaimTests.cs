namespace MassWork.ServiceTests.Personnel;

/// <summary>
/// Imports are claimed in the database, so any replica runs any upload from the shared folder: an
/// import whose runner went away is taken up once its claim lapses, one whose runner is alive is
/// left to it, and one whose file is gone is failed with a reason the uploader can act on.
/// </summary>
[Collection(PersonnelCollection.Name)]
public sealed class ImportClaimTests(PersonnelFixture service)
{
    [Fact]
    public async Task A_lapsed_claim_is_taken_up_a_live_one_is_left_alone_and_a_missing_file_fails_the_import()
    {
        var village = "360702001701";
        await service.SendAsync(HttpMethod.Post, "/api/personnel/regions/import", service.Token("3607", Roles.Operator, "test-operator"),
            new StringContent($"code,name,level,parent_code\n{village},接续村,village,360702001000\n", System.Text.Encoding.UTF8, "text/csv"));
        var now = service.Clock.GetUtcNow();
        var number = $"C{Guid.NewGuid():N}"[..12];

        // A replica that stopped mid-import a while ago; one still working; an upload whose file never reached the shared folder.
        var lapsed = await JobAsync("Running", "personnel-gone", now.AddSeconds(-1), $"户号,村代码,村民小组,地址,状态,标签,姓名,与户主关系,身份证号,电话\n{number},{village},,一组1号,常住,,刘桂英,户主,,\n");
        var live = await JobAsync("Running", "personnel-alive", now.AddMinutes(10), $"户号,村代码,村民小组,地址,状态,标签,姓名,与户主关系,身份证号,电话\n{number}-L,{village},,一组2号,常住,,陈建国,户主,,\n");
        var orphan = await JobAsync("Queued", "personnel-gone", null, csv: null);

        // The idle worker looks again after its poll interval on the service's clock.
        service.Clock.Advance(TimeSpan.FromSeconds(5));
        await Eventually.HoldsAsync(async () => await StatusAsync(lapsed) == "Completed" && await StatusAsync(orphan) == "Failed",
            TimeSpan.FromSeconds(60), "the lapsed import completed and the one without a file failed");

        Assert.Equal(1, await service.Infrastructure.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
        Assert.False(File.Exists(FileOf(lapsed)), "a finished import's file is removed from the shared folder");
        Assert.Equal(1, await service.Infrastructure.CountAsync("personneldb",
            "SELECT count(*) FROM import_jobs WHERE id = @id AND instance <> 'personnel-gone' AND lease_until IS NULL AND households_inserted = 1", ("id", lapsed)));
        Assert.Equal(1, await service.Infrastructure.CountAsync("personneldb",
            "SELECT count(*) FROM import_jobs WHERE id = @id AND failure LIKE 'The uploaded file is no longer in the import folder%'", ("id", orphan)));

        Assert.Equal("Running", await StatusAsync(live));
        Assert.Equal(1, await service.Infrastructure.CountAsync("personneldb", "SELECT count(*) FROM import_jobs WHERE id = @id AND instance = 'personnel-alive'", ("id", live)));
        Assert.Equal(0, await service.Infrastructure.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number + "-L")));
    }

    private string FileOf(Guid job) => Path.Combine(service.Infrastructure.Directory, "imports", $"{job}.csv");

    private async Task<Guid> JobAsync(string status, string instance, DateTimeOffset? leaseUntil, string? csv)
    {
        var id = Guid.CreateVersion7();
        long bytes = 0;
        if (csv is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FileOf(id))!);
            await File.WriteAllTextAsync(FileOf(id), csv);
            bytes = new FileInfo(FileOf(id)).Length;
        }

        await service.Infrastructure.CountAsync("personneldb", """
            INSERT INTO import_jobs (id, file_name, status, phase, file_bytes, bytes_read, lines_read, rows_staged, rows_rejected,
                households_inserted, households_updated, households_unchanged, members_written, members_removed,
                region_prefix, created_by, instance, created_at, started_at, lease_until)
            VALUES (@id, 'households.csv', @status, @status, @bytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, '360702', 'test-town-staff', @instance, @now, @started, @lease)
            """,
            ("id", id), ("status", status), ("bytes", bytes), ("instance", instance), ("now", service.Clock.GetUtcNow()),
            ("started", status == "Running" ? service.Clock.GetUtcNow() : DBNull.Value), ("lease", (object?)leaseUntil ?? DBNull.Value));
        return id;
    }

    private async Task<string> StatusAsync(Guid job)
    {
        var token = service.Token("360702", Roles.TownStaff, "test-town-staff");
        return (await service.SendAsync(HttpMethod.Get, $"/api/personnel/imports/{job}", token)).GetProperty("status").GetString()!;
    }
}
