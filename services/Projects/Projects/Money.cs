namespace MassWork.Projects.Projects;

/// <summary>Amounts are whole fen (分) in a long: exact, never floating point. JSON with a fraction is refused when it is read.</summary>
public static class Money
{
    /// <summary>10 billion yuan: far above any project, far below where sums of many entries could overflow.</summary>
    public const long MaxFen = 1_000_000_000_000;

    public static long? Check(long? fen, string field, Dictionary<string, string[]> errors, bool zeroAllowed = false)
    {
        if (fen is not { } value || value < 0 || (value == 0 && !zeroAllowed) || value > MaxFen)
        {
            errors[field] = [$"Required: a {(zeroAllowed ? "non-negative" : "positive")} whole number of fen (分), at most {MaxFen}."];
            return null;
        }

        return value;
    }
}
