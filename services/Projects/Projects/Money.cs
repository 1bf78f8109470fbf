namespace MassWork.Projects.Projects;

/// <summary>Amounts are whole fen (分) in a long: exact, never floating point. JSON with a fraction is refused when it is read.</summary>
public static class Money
{
    /// <summary>10 billion yuan: far above any project, far below where sums of many entries could overflow.</summary>
    public const long MaxFen = 1_000_000_000_000;

    /// <summary>What is wrong with an amount, or null when it is a positive (where allowed, zero) whole number of fen within <see cref="MaxFen"/>.</summary>
    public static string? Problem(long? fen, bool zeroAllowed = false) =>
        fen is not { } value || value < 0 || (value == 0 && !zeroAllowed) || value > MaxFen
            ? $"Required: a {(zeroAllowed ? "non-negative" : "positive")} whole number of fen (分), at most {MaxFen}."
            : null;
}
