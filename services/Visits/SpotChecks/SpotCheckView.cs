using MassWork.Visits.Records;

namespace MassWork.Visits.SpotChecks;

/// <summary>A visit the household is asked about: when (Asia/Shanghai) and how.</summary>
public sealed record CalledVisitView(Guid Id, DateTimeOffset VisitedAt, string Mode);

/// <summary>
/// One call of a check as the supervisor reads it: the household (number, head, village — its
/// phone is read from personnel's register, never held here), the visits and cadres recorded for
/// it, the answer, and the ETag to send as If-Match with the answer.
/// </summary>
public sealed record CallView(
    Guid Id,
    int Position,
    Guid HouseholdId,
    string HouseholdNumber,
    string HeadName,
    string VillageCode,
    IReadOnlyList<CalledVisitView> Visits,
    IReadOnlyList<VisitCadreView> Cadres,
    string Outcome,
    int Attempts,
    bool? Visited,
    Guid? NamedCadreId,
    bool? Satisfied,
    string? Notes,
    string? AnsweredBy,
    DateTimeOffset? AnsweredAt,
    string ETag);

/// <summary>The calls counted: passed and failed are the answers; the pass rate is passed per answer (null before any).</summary>
public sealed record CallTally(int Calls, int Pending, int Unreached, int Passed, int Failed, double? PassRate)
{
    public static CallTally Of(IReadOnlyCollection<SpotCheckCall> calls)
    {
        var passed = calls.Count(c => c.Outcome == CallOutcome.Passed);
        var failed = calls.Count(c => c.Outcome == CallOutcome.Failed);
        return new CallTally(calls.Count, calls.Count(c => c.Outcome == CallOutcome.Pending), calls.Count(c => c.Outcome == CallOutcome.Unreached),
            passed, failed, SpotCheckRates.PassRate(passed, failed));
    }
}

/// <summary>A check as drawn, with its calls in the order drawn; times in Asia/Shanghai.</summary>
public sealed record SpotCheckView(
    Guid Id,
    string Region,
    DateOnly From,
    DateOnly To,
    long Seed,
    int SampleSize,
    long Population,
    string DrawnBy,
    DateTimeOffset DrawnAt,
    CallTally Tally,
    IReadOnlyList<CallView> Calls);

/// <summary>What the views are built from besides the check: the register's names and the visits' times, by id.</summary>
public sealed record SpotCheckNames(
    IReadOnlyDictionary<Guid, (string Number, string Head)> Households,
    IReadOnlyDictionary<Guid, string> Cadres,
    IReadOnlyDictionary<Guid, (DateTimeOffset VisitedAt, VisitMode Mode)> Visits)
{
    public SpotCheckView View(SpotCheck check) => new(
        check.Id, check.RegionPrefix, check.FirstDay, check.LastDay, check.Seed, check.SampleSize, check.Population, check.DrawnBy,
        ChinaTime.Local(check.DrawnAt), CallTally.Of(check.Calls), [.. check.Calls.OrderBy(c => c.Position).Select(Call)]);

    public CallView Call(SpotCheckCall c)
    {
        var (number, head) = Households.GetValueOrDefault(c.HouseholdId, ("", ""));
        return new CallView(
            c.Id, c.Position, c.HouseholdId, number, head, c.VillageCode,
            [.. c.VisitIds.Where(Visits.ContainsKey).Select(v => new CalledVisitView(v, ChinaTime.Local(Visits[v].VisitedAt), Visits[v].Mode.ToString()))
                .OrderBy(v => v.VisitedAt)],
            [.. c.CadreIds.Select(id => new VisitCadreView(id, Cadres.GetValueOrDefault(id, ""))).OrderBy(x => x.Name, StringComparer.Ordinal)],
            c.Outcome.ToString(), c.Attempts, c.Visited, c.NamedCadreId, c.Satisfied, c.Notes, c.AnsweredBy, ChinaTime.Local(c.AnsweredAt),
            Versions.ETag(c.Version));
    }
}

public sealed record SpotCheckSummary(Guid Id, string Region, DateOnly From, DateOnly To, long Seed, int SampleSize, long Population, string DrawnBy, DateTimeOffset DrawnAt);

public sealed record SpotCheckPage(long Total, int Page, int PageSize, IReadOnlyList<SpotCheckSummary> SpotChecks);
