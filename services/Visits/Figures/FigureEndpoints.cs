namespace MassWork.Visits.Figures;

public static class FigureEndpoints
{
    public static IEndpointRouteBuilder MapFigureEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/visits").WithTags("Figures").MapGet("/figures", FiguresAsync).WithName("VisitFigures")
            .WithSummary("Households due, visited and never visited this year; contacts done vs required; cadres behind; days in village; aid; demands; flagged photos; spot-check pass rate — total, per area one level down, per town and per cadre");
        return routes;
    }

    internal static async Task<Results<Ok<VisitFiguresReport>, ValidationProblem, ProblemHttpResult>> FiguresAsync(
        Caller caller, FiguresQuery query, TimeProvider time, CancellationToken cancellationToken,
        string? region = null, int? year = null, int? quarter = null, int? month = null)
    {
        region = region?.Trim() ?? caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(region))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        }

        if (!caller.Covers(region))
        {
            return Problems.OutsideRegion("region", region, caller.RegionPrefix);
        }

        var period = FiguresPeriod.Of(year, quarter, month, ChinaTime.Today(time));
        return TypedResults.Ok(await query.RunAsync(region, period, cancellationToken));
    }
}
