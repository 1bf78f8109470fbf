using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassWork.Visits.Records;

/// <summary>The village query parameter the lists take: a 12-digit division code (400 otherwise) within the caller's region (403 otherwise).</summary>
public static class VillageFilter
{
    public static ValidationProblem? Invalid(string? village) =>
        village is not null && !(village.Length == 12 && village.All(char.IsAsciiDigit))
            ? Problems.Invalid("village", "The 12-digit division code of a village.")
            : null;

    public static ProblemHttpResult? Outside(string? village, Caller caller) =>
        village is not null && !caller.Covers(village) ? Problems.OutsideRegion("village", village, caller.RegionPrefix) : null;
}
