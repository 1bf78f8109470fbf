namespace MassWork.Projects.Figures;

public static class FigureEndpoints
{
    public static IEndpointRouteBuilder MapFigureEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/projects").WithTags("Figures").MapGet("/figures", FiguresAsync).WithName("ProjectFigures")
            .WithSummary("Projects proposed in the period: by stage, category and size; money by source; on-time completion, households, demands answered — total and per area one level down");
        return routes;
    }

    internal static async Task<Results<Ok<FiguresReport>, ValidationProblem, ProblemHttpResult>> FiguresAsync(
        Caller caller, FiguresQuery query, TimeProvider time, CancellationToken cancellationToken, string? region = null, DateOnly? from = null, DateOnly? to = null)
    {
        region ??= caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(region))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        }

        if (!caller.Covers(region))
        {
            return Problems.OutsideRegion("region", region, caller.RegionPrefix);
        }

        var today = ChinaTime.Today(time);
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        if (last < first)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        return TypedResults.Ok(await query.RunAsync(region, first, last, cancellationToken));
    }
}
