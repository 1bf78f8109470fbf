namespace MassWork.Personnel.Pairings;

public static class PolicyStore
{
    /// <summary>The policy of the city a region lies in; the seeds' defaults until the city sets its own.</summary>
    public static async Task<CoveragePolicy> ForRegionAsync(PersonnelDbContext db, string regionCodeOrPrefix, CancellationToken cancellationToken)
    {
        var city = regionCodeOrPrefix[..4];
        return await db.CoveragePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.CityCode == city, cancellationToken)
            ?? CoveragePolicy.DefaultFor(city);
    }
}
