using MassWork.Visits.Records;

namespace MassWork.Visits.Due;

public static class DueContactsEndpoints
{
    /// <summary>The first year the platform holds visits for.</summary>
    private const int FirstYear = 2000;

    public static IEndpointRouteBuilder MapDueContactsEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/visits/due", ListAsync).WithTags("Frequency policy").WithName("DueContacts")
            .WithSummary("走访进度: each household paired with a cadre (or in a village), contacts owed this year against done, the most urgent first; without a filter, your own as a cadre")
            .RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Ok<DuePage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, DueContactsQuery query, VisitsDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        Guid? cadre = null, string? village = null, int? year = null, bool behind = false, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (VillageFilter.Invalid(village) is { } invalid)
        {
            return invalid;
        }

        var thisYear = ChinaTime.Today(clock).Year;
        if (year is < FirstYear || year > thisYear)
        {
            return Problems.Invalid("year", $"A year from {FirstYear} to {thisYear}.");
        }

        if (cadre is not null && village is not null)
        {
            return Problems.Invalid("village", "Give a cadre or a village, not both.");
        }

        // Without a filter: the caller's own households, when their login is linked to a cadre (a work team member on their phone).
        if (cadre is null && village is null)
        {
            cadre = await db.Cadres.Where(c => c.UserId == caller.UserId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (cadre is null)
            {
                return Problems.Invalid("cadre", "Give a cadre or a village: your login is linked to no cadre.");
            }
        }

        return TypedResults.Ok(await query.PageAsync(caller.RegionPrefix, new DueFilter(cadre, village, behind), year ?? thisYear, page, pageSize, cancellationToken));
    }
}
