using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.UnitTests;

public sealed class AdvisoryLockTests
{
    private sealed class NoTablesContext(DbContextOptions options) : DbContext(options);

    [Fact]
    public async Task A_lock_outside_a_transaction_is_refused_before_the_database_is_asked()
    {
        // No server listens here: the refusal must come before any connection is made.
        await using var db = new NoTablesContext(new DbContextOptionsBuilder().UseNpgsql("Host=127.0.0.1;Port=1;Timeout=1").Options);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => AdvisoryLock.WaitAsync(db, "intake|x", CancellationToken.None));
        Assert.Contains("inside a transaction", refused.Message);
        var refusedWithNumber = await Assert.ThrowsAsync<InvalidOperationException>(() => AdvisoryLock.WaitThenNextValueAsync(db, "intake|x", "case_number_seq", CancellationToken.None));
        Assert.Contains("inside a transaction", refusedWithNumber.Message);
    }
}
