namespace MassWork.Personnel.Regions;

/// <summary>
/// Loads the deployment's region file (Regions:SeedFile, the statistical codes of the city) at
/// start. Loading is an upsert, so every start may run it; villages added later by staff stay.
/// </summary>
public sealed class RegionSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<RegionSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var path = configuration["Regions:SeedFile"];
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PersonnelDbContext>();
        using var text = new StreamReader(path);
        var (rows, errors) = RegionStore.Read(text, cancellationToken);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException($"Regions:SeedFile {path} is not valid: {string.Join("; ", errors.Take(5))}");
        }

        var (added, renamed) = await RegionStore.UpsertAsync(db, rows, cancellationToken);
        logger.LogInformation("Region file {Path}: {Count} regions, {Added} added, {Renamed} renamed", path, rows.Count, added, renamed);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
