namespace MassWork.Visits.SpotChecks;

/// <summary>
/// Draw a spot-check: the region (a division code prefix, your own by default), the period of
/// visits checked (Asia/Shanghai days, inclusive), how many households to call, and optionally the
/// seed of an earlier check to draw it again.
/// </summary>
public sealed record SpotCheckRequest(string? Region, DateOnly? From, DateOnly? To, int? SampleSize, long? Seed);

/// <summary>
/// What the household said on the phone: reached at all; if so, whether anyone visited it in the
/// period, which of the recorded cadres it names (left out when it names none), whether it is
/// satisfied (满意), and the supervisor's notes.
/// </summary>
public sealed record CallAnswer(bool? Reached, bool? Visited, Guid? NamedCadreId, bool? Satisfied, string? Notes);
