namespace MassWork.Petitions.PublicQuery;

/// <summary>
/// Hourly: ended query sessions go, and codes once they no longer count against a case's daily
/// limit. Two replicas doing it at once delete the same rows; no harm.
/// </summary>
public sealed class QueryCleanup(IServiceScopeFactory scopes, TimeProvider time, ILogger<QueryCleanup> logger) : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string WorkName => "Public query clean-up";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionsDbContext>();
        var now = Time.GetUtcNow();
        var codesBefore = now - PublicQueryPolicy.CodeWindow;
        await db.QuerySessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        await db.QueryCodes.Where(q => q.IssuedAt < codesBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
