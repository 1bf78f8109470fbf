using MassWork.Console.Gateway;
using MassWork.ServiceDefaults.Auth;

namespace MassWork.Console.Dashboard;

/// <summary>
/// The supervision dashboard's figures for one region, read from the services through the gateway
/// at once: coverage (personnel), visits done against required (visits), cases (petitions) and
/// projects with their money (projects). A service that refuses or is down leaves its panel with
/// the reason and the others still shown.
/// </summary>
public sealed class DashboardData(GatewayClient gateway)
{
    public sealed record Figures(
        string Prefix,
        ApiResult<RegionNode> Region,
        ApiResult<CoverageReport> Coverage,
        ApiResult<VisitReport> Visits,
        ApiResult<PetitionReport> Petitions,
        ApiResult<ProjectReport> Projects)
    {
        /// <summary>
        /// The areas one level down, ranked by visits done against required (best first; an area with
        /// nothing required, or no figures yet, last), with their case figures beside. Every area of the
        /// region is listed, so one with no visits at all is at the bottom, not missing.
        /// </summary>
        public IReadOnlyList<AreaRow> Ranking()
        {
            var visits = Visits.Value?.Areas.ToDictionary(a => a.RegionCode) ?? [];
            var cases = Petitions.Value?.ByArea.Where(a => a.Key is not null).ToDictionary(a => a.Key!) ?? [];
            var areas = Region.Value is { } region
                ? region.Children.Select(c => (Prefix: RegionPrefixes.Of(c.Code), c.Name))
                : visits.Keys.Select(k => (Prefix: k, Name: k));
            return [.. areas
                .Select(a =>
                {
                    var contacts = visits.GetValueOrDefault(a.Prefix)?.Contacts;
                    var c = cases.GetValueOrDefault(a.Prefix);
                    return new AreaRow(a.Prefix, a.Name, contacts?.Rate, contacts?.Done ?? 0, contacts?.Required ?? 0, c?.ResolutionRate, c?.OnTimeRate, c?.SatisfactionRate);
                })
                .OrderByDescending(r => r.ContactRate ?? -1).ThenBy(r => r.Prefix, StringComparer.Ordinal)];
        }
    }

    public async Task<Figures> LoadAsync(string prefix, CancellationToken cancellationToken)
    {
        var code = prefix.PadRight(12, '0');
        var region = gateway.GetAsync<RegionNode>($"/api/personnel/regions/{code}", cancellationToken);
        var coverage = gateway.GetAsync<CoverageReport>($"/api/personnel/coverage/{code}", cancellationToken);
        var visits = gateway.GetAsync<VisitReport>($"/api/visits/figures?region={prefix}", cancellationToken);
        var petitions = gateway.GetAsync<PetitionReport>($"/api/petitions/figures?region={prefix}", cancellationToken);
        var projects = gateway.GetAsync<ProjectReport>($"/api/projects/figures?region={prefix}", cancellationToken);
        return new Figures(prefix, await region, await coverage, await visits, await petitions, await projects);
    }
}
