namespace MassWork.Visits.Records;

/// <summary>
/// The village query parameter the lists take: a 12-digit division code (400 otherwise). That it lies
/// within the caller's region (403 otherwise) is checked by the endpoints' region-scope filter.
/// </summary>
public static class VillageFilter
{
    public static ValidationProblem? Invalid(string? village) =>
        village is not null && !(village.Length == 12 && village.All(char.IsAsciiDigit))
            ? Problems.Invalid("village", "The 12-digit division code of a village.")
            : null;
}
