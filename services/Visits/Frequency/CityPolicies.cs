using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Frequency;

/// <summary>
/// Every city's policy laid out for SQL: position 0 is the default (cities that stored none), city
/// <c>i</c> of <see cref="Cities"/> is position <c>i</c> — which is what
/// <c>COALESCE(array_position(cities, left(village_code, 4)), 0)</c> gives. The C# rules' values go
/// in as arrays; SQL only looks them up.
/// </summary>
public sealed class CityPolicies(IReadOnlyList<string> cities, IReadOnlyList<FrequencyPolicy> policies)
{
    public string[] Cities { get; } = [.. cities];

    /// <summary>The default first, then each stored city's policy.</summary>
    public IReadOnlyList<FrequencyPolicy> Policies { get; } = [FrequencyPolicy.Default, .. policies];

    public static async Task<CityPolicies> LoadAsync(VisitsDbContext db, CancellationToken cancellationToken)
    {
        var stored = await db.FrequencyPolicies.AsNoTracking().OrderBy(p => p.CityCode).ToListAsync(cancellationToken);
        return new CityPolicies([.. stored.Select(p => p.CityCode)], [.. stored.Select(p => p.Policy)]);
    }

    public static Task<FrequencyPolicy> ForCityAsync(VisitsDbContext db, string cityCode, CancellationToken cancellationToken) =>
        CityPolicyStore.ForCityAsync<FrequencyPolicyRecord, FrequencyPolicy>(db, cityCode, FrequencyPolicy.Default, cancellationToken);

    /// <summary>The policy of the city a division code lies in (the default for a city that stored none), as SQL's array position picks it.</summary>
    public FrequencyPolicy For(string code) => Policies[Array.IndexOf(Cities, code[..4]) + 1];

    /// <summary>Each position's figure, e.g. meetings a quarter.</summary>
    public int[] Values(Func<FrequencyPolicy, int> figure) => [.. Policies.Select(figure)];

    public bool[] Flags(Func<FrequencyPolicy, bool> flag) => [.. Policies.Select(flag)];

    /// <summary>Each position's <see cref="FrequencyRules.RequiredByPairedDays"/> one after the other: position <c>p</c>, <c>d</c> days is entry <c>p × 367 + d</c>.</summary>
    public int[] RequiredTables(Func<FrequencyPolicy, int> perYear, int year) =>
        [.. Policies.SelectMany(p => FrequencyRules.RequiredByPairedDays(perYear(p), year))];
}
