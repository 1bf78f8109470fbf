using MassWork.Petitions.Cases;
using MassWork.Petitions.Categories;

namespace MassWork.Petitions.Deadlines;

/// <summary>
/// The stored policies, working calendar and categories, cached for a minute: every command needs
/// them (every intake its category), and an edit made through another replica is picked up within
/// that minute (at once on this one).
/// </summary>
public sealed class RulesProvider(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(
        DeadlineCalculator Calculator, IReadOnlyDictionary<string, PetitionPolicy> Policies, IReadOnlyDictionary<string, Category> Categories, DateTimeOffset LoadedAt);

    public async Task<CaseRules> ForRegionAsync(string regionCode, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var policy = snapshot.Policies.GetValueOrDefault(regionCode[..Math.Min(4, regionCode.Length)]) ?? PetitionPolicy.Default;
        return new CaseRules(policy, snapshot.Calculator);
    }

    /// <summary>The category with this code if it is active; null if unknown or retired.</summary>
    public async Task<Category?> ActiveCategoryAsync(string code, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Categories.GetValueOrDefault(code) is { Active: true } category ? category : null;

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            snapshot = _snapshot;
            if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < MaxAge)
            {
                return snapshot;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PetitionsDbContext>();
            var days = await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken);
            var policies = await db.Policies.AsNoTracking().ToDictionaryAsync(p => p.CityCode, p => p.Policy, cancellationToken);
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, StringComparer.Ordinal, cancellationToken);
            _snapshot = snapshot = new Snapshot(new DeadlineCalculator(new WorkCalendar(days)), policies, categories, time.GetUtcNow());
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }
}
