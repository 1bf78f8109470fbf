using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Pairings;

/// <summary>The 双向全覆盖 reports of a city or any region in it, under the city's policy.</summary>
public static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder routes)
    {
        var coverage = routes.MapGroup("/api/personnel/coverage").WithTags("Pairing").RequireRegionScope();
        coverage.MapGet("/{code}", ReportAsync).WithName("CoverageReport")
            .WithSummary("双向全覆盖 report for a region: households, covered, double-covered, cadres below minimum, and the first gaps");
        coverage.MapGet("/{code}/uncovered", UncoveredAsync).WithName("UncoveredHouseholds").WithSummary("Households not covered under the policy, paged");
        coverage.MapGet("/{code}/cadres-below-minimum", BelowMinimumAsync).WithName("CadresBelowMinimum").WithSummary("Cadres with fewer households than their minimum, paged");
        return routes;
    }

    internal static async Task<Results<Ok<CoverageReport>, ValidationProblem>> ReportAsync(
        string code, PersonnelDbContext db, CancellationToken cancellationToken, int sample = 20)
    {
        var scope = await ScopeAsync(code, db, sample is < 0 or > 500 ? Problems.Invalid("sample", "Between 0 and 500.") : null, cancellationToken);
        return scope.Invalid
            ?? (Results<Ok<CoverageReport>, ValidationProblem>)TypedResults.Ok(await CoverageQueries.ReportAsync(db, scope.Prefix, scope.Policy!, sample, cancellationToken));
    }

    internal static async Task<Results<Ok<List<UncoveredHousehold>>, ValidationProblem>> UncoveredAsync(
        string code, PersonnelDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        var scope = await ScopeAsync(code, db, Problems.Paging(page, pageSize), cancellationToken);
        return scope.Invalid
            ?? (Results<Ok<List<UncoveredHousehold>>, ValidationProblem>)TypedResults.Ok(
                await CoverageQueries.UncoveredAsync(db.Database.GetConnectionString()!, scope.Prefix, scope.Policy!, (page - 1) * pageSize, pageSize, cancellationToken));
    }

    internal static async Task<Results<Ok<List<UnderloadedCadre>>, ValidationProblem>> BelowMinimumAsync(
        string code, PersonnelDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        var scope = await ScopeAsync(code, db, Problems.Paging(page, pageSize), cancellationToken);
        return scope.Invalid
            ?? (Results<Ok<List<UnderloadedCadre>>, ValidationProblem>)TypedResults.Ok(
                await CoverageQueries.BelowMinimumAsync(db.Database.GetConnectionString()!, scope.Prefix, scope.Policy!, (page - 1) * pageSize, pageSize, cancellationToken));
    }

    private sealed record Scope(ValidationProblem? Invalid, string Prefix, CoveragePolicy? Policy);

    /// <summary>
    /// What every report checks first, in this order (the caller's region was checked by the group's
    /// region-scope filter): the code (a city or below: the policy is a city's), then the report's own
    /// parameter problem; else the prefix and policy.
    /// </summary>
    private static async Task<Scope> ScopeAsync(string code, PersonnelDbContext db, ValidationProblem? parameterProblem, CancellationToken cancellationToken)
    {
        if (!DivisionCode.IsWellFormed(code) || DivisionCode.LevelOf(code) == RegionLevel.Province)
        {
            return new Scope(Problems.Invalid("code", "The 12-digit division code of a city, county, town or village."), "", null);
        }

        if (parameterProblem is not null)
        {
            return new Scope(parameterProblem, "", null);
        }

        var prefix = DivisionCode.Prefix(code);
        return new Scope(null, prefix, await PolicyStore.ForRegionAsync(db, prefix, cancellationToken));
    }
}
