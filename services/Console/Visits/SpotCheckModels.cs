namespace MassWork.Console.Visits;

/// <summary>A visit the household is asked about on a spot-check call (电话抽查).</summary>
public sealed record CalledVisit(Guid Id, DateTimeOffset VisitedAt, string Mode);

/// <summary>One call of a spot-check: the household, its recorded visits and cadres, the answer so far, and the version to answer against.</summary>
public sealed record SpotCheckCall(
    Guid Id, int Position, Guid HouseholdId, string HouseholdNumber, string HeadName, string VillageCode,
    IReadOnlyList<CalledVisit> Visits, IReadOnlyList<NamedRef> Cadres, string Outcome, int Attempts,
    bool? Visited, Guid? NamedCadreId, bool? Satisfied, string? Notes, DateTimeOffset? AnsweredAt, string ETag);

public sealed record SpotCheckTally(int Calls, int Pending, int Unreached, int Passed, int Failed, double? PassRate);

/// <summary>A spot-check as drawn (the seed lets anyone draw it again), with its calls in the order drawn.</summary>
public sealed record SpotCheck(
    Guid Id, string Region, DateOnly From, DateOnly To, long Seed, int SampleSize, long Population, DateTimeOffset DrawnAt,
    SpotCheckTally Tally, IReadOnlyList<SpotCheckCall> Calls);

public sealed record SpotCheckSummary(Guid Id, string Region, DateOnly From, DateOnly To, long Seed, int SampleSize, long Population, DateTimeOffset DrawnAt);

public sealed record SpotCheckList(long Total, int Page, int PageSize, IReadOnlyList<SpotCheckSummary> SpotChecks);
