using MassWork.Petitions.Cases;

namespace MassWork.Petitions.Figures;

public static class FigureEndpoints
{
    public static IEndpointRouteBuilder MapFigureEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/petitions").WithTags("Figures and ledger").RequireRegionScope();
        group.MapGet("/figures", FiguresAsync).WithName("PetitionFigures")
            .WithSummary("Collected, accepted, resolved by outcome, 化解率, on-time and satisfaction rates, repeats, skip-level, backlog, disputes — total and per area one level down");
        group.MapGet("/ledger", LedgerAsync).WithName("PetitionLedger")
            .WithSummary("民情台账: each matter with household, owner, status and dates; filter by region, period, status, category, type, household, overdue, supervised");
        return routes;
    }

    internal static async Task<Results<Ok<FiguresReport>, ValidationProblem, ProblemHttpResult>> FiguresAsync(
        Caller caller, FiguresQuery query, TimeProvider time, CancellationToken cancellationToken,
        string? region = null, DateOnly? from = null, DateOnly? to = null, int backlogDays = 30)
    {
        var prefix = Region(region, caller, out var invalid);
        if (invalid is not null)
        {
            return invalid;
        }

        var today = ChinaTime.LocalDate(time.GetUtcNow());
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        if (last < first)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        if (backlogDays is < 0 or > 3650)
        {
            return Problems.Invalid("backlogDays", "Between 0 and 3650.");
        }

        return TypedResults.Ok(await query.RunAsync(prefix!, first, last, backlogDays, cancellationToken));
    }

    internal static async Task<Results<Ok<LedgerPage>, ValidationProblem, ProblemHttpResult>> LedgerAsync(
        Caller caller, LedgerQuery query, CancellationToken cancellationToken,
        string? region = null, DateOnly? from = null, DateOnly? to = null, string? status = null, string? category = null, string? matterType = null,
        Guid? householdId = null, bool? overdue = null, bool? supervised = null, int page = 1, int pageSize = 50)
    {
        var prefix = Region(region, caller, out var invalid);
        if ((invalid ?? Problems.Paging(page, pageSize)) is { } problem)
        {
            return problem;
        }

        CaseStatus? parsedStatus = null;
        if (status is not null)
        {
            if (!EnumNames.TryParse<CaseStatus>(status, out var s))
            {
                return Problems.Invalid("status", EnumNames.OneOf<CaseStatus>());
            }

            parsedStatus = s;
        }

        MatterType? parsedType = null;
        if (matterType is not null)
        {
            if (!EnumNames.TryParse<MatterType>(matterType, out var t))
            {
                return Problems.Invalid("matterType", EnumNames.OneOf<MatterType>());
            }

            parsedType = t;
        }

        var filter = new LedgerFilter(prefix!, from, to, parsedStatus, category, parsedType, householdId, overdue, supervised, CaseAccess.SeesAccusers(caller));
        return TypedResults.Ok(await query.PageAsync(filter, page, pageSize, cancellationToken));
    }

    /// <summary>The region asked for (the group's region-scope filter has checked it lies in the caller's), else the caller's.</summary>
    private static string? Region(string? region, Caller caller, out ValidationProblem? invalid)
    {
        var prefix = region?.Trim() ?? caller.RegionPrefix;
        invalid = RegionPrefixes.IsValid(prefix) ? null : Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        return prefix;
    }
}
