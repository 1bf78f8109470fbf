using MassWork.Personnel.Imports;

namespace MassWork.UnitTests.Personnel;

/// <summary>Which replica may take an import up, and what taking it up, handing it back and ending it change.</summary>
public sealed class ImportClaimTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 30, 0, TimeSpan.Zero);

    private static ImportJob Job(ImportStatus status, DateTimeOffset? leaseUntil = null) => new()
    {
        Id = Guid.CreateVersion7(), FileName = "households.csv", Status = status, RegionPrefix = "360702", CreatedBy = "town-staff",
        Instance = "personnel-a", LeaseUntil = leaseUntil, CreatedAt = Now.AddMinutes(-5),
    };

    [Fact]
    public void A_waiting_import_or_one_whose_claim_lapsed_may_be_taken_up_and_no_other()
    {
        Assert.True(Job(ImportStatus.Queued).IsClaimable("personnel-b", Now));
        Assert.True(Job(ImportStatus.Running, Now.AddTicks(-1)).IsClaimable("personnel-b", Now));
        Assert.True(Job(ImportStatus.Running, leaseUntil: null).IsClaimable("personnel-b", Now));
        Assert.False(Job(ImportStatus.Running, Now).IsClaimable("personnel-b", Now));
        Assert.False(Job(ImportStatus.Running, Now.AddSeconds(30)).IsClaimable("personnel-b", Now));
        Assert.False(Job(ImportStatus.Completed).IsClaimable("personnel-b", Now));
        Assert.False(Job(ImportStatus.Failed).IsClaimable("personnel-a", Now));
    }

    [Fact]
    public void A_replica_restarted_takes_up_its_own_import_at_once_and_no_one_else_s_live_one()
    {
        var mine = Job(ImportStatus.Running, Now.AddSeconds(40));

        Assert.True(mine.IsClaimable("personnel-a", Now));
        Assert.False(mine.IsClaimable("personnel-b", Now));
    }

    [Fact]
    public void Taking_an_import_up_records_the_runner_and_its_lease_and_keeps_the_first_start()
    {
        var job = Job(ImportStatus.Running, Now.AddMinutes(-1));
        job.StartedAt = Now.AddMinutes(-4);

        job.Claim("personnel-b", Now, TimeSpan.FromMinutes(1));

        Assert.Equal((ImportStatus.Running, "personnel-b", Now.AddMinutes(1), Now.AddMinutes(-4)), (job.Status, job.Instance, job.LeaseUntil, job.StartedAt));
        Assert.Throws<InvalidOperationException>(() => job.Claim("personnel-c", Now.AddSeconds(59), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_stopping_runner_hands_the_import_back_and_an_ended_import_holds_no_claim()
    {
        var running = Job(ImportStatus.Queued);
        running.Claim("personnel-b", Now, TimeSpan.FromMinutes(1));
        running.Release();
        Assert.Equal((ImportStatus.Queued, "Queued", (DateTimeOffset?)null), (running.Status, running.Phase, running.LeaseUntil));
        Assert.True(running.IsClaimable("personnel-c", Now));

        var failed = Job(ImportStatus.Queued);
        failed.Claim("personnel-b", Now, TimeSpan.FromMinutes(1));
        failed.Fail("gone", Now);
        failed.Release();
        Assert.Equal((ImportStatus.Failed, (DateTimeOffset?)null), (failed.Status, failed.LeaseUntil));
    }
}
