using System.Diagnostics;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>
/// deploy/kubernetes stays true to the AppHost: each project of the Aspire manifest has a
/// Deployment in both overlays, and the Deployment receives every setting the AppHost gives the project.
/// </summary>
public sealed class AppHostSettingsTests
{
    /// <summary>
    /// What Aspire adds to every project for its own hosting: its port variable, forwarded headers and
    /// the OTLP exporter's retry. The Deployments state these their own way (ASPNETCORE_URLS, OTEL_*).
    /// </summary>
    private static readonly string[] AspireHostingKeys = ["HTTP_PORTS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"];

    private static readonly Lazy<Task<Dictionary<string, Dictionary<string, string>>>> Projects = new(() => ManifestProjectsAsync());

    [Theory]
    [MemberData(nameof(KustomizeOverlay.Names), MemberType = typeof(KustomizeOverlay))]
    public async Task Every_deployment_receives_the_settings_the_AppHost_gives_its_project(string overlay)
    {
        var projects = await Projects.Value;
        var deployments = KustomizeOverlay.Render(overlay).Deployments
            .ToDictionary(d => d.Metadata.Name, d => d.Spec.Template.Spec.Containers.Single().Env.Select(e => e.Name).ToHashSet());

        Assert.Equal(projects.Keys.Order(), deployments.Keys.Order());
        foreach (var (project, environment) in projects)
        {
            var missing = environment.Keys.Except(AspireHostingKeys).Except(deployments[project]).Order().ToList();
            Assert.True(missing.Count == 0, $"The {project} Deployment ({overlay}) lacks {string.Join(", ", missing)}, which the AppHost gives the project.");
        }
    }

    [Fact]
    public async Task A_trace_sample_ratio_reaches_every_project_and_every_deployment_can_take_it()
    {
        var projects = await ManifestProjectsAsync("--Telemetry:TraceSampleRatio=0.25");
        var deployments = KustomizeOverlay.Render("city").Deployments
            .ToDictionary(d => d.Metadata.Name, d => d.Spec.Template.Spec.Containers.Single().Env.Select(e => e.Name).ToHashSet());

        foreach (var (project, environment) in projects)
        {
            Assert.Equal("parentbased_traceidratio", environment.GetValueOrDefault("OTEL_TRACES_SAMPLER"));
            Assert.Equal("0.25", environment.GetValueOrDefault("OTEL_TRACES_SAMPLER_ARG"));
            Assert.Contains("OTEL_TRACES_SAMPLER_ARG", deployments[project]);
        }

        Assert.DoesNotContain((await Projects.Value).Values, environment => environment.ContainsKey("OTEL_TRACES_SAMPLER"));
    }

    [Fact]
    public async Task The_gateway_believes_forwarded_addresses_from_this_machine_unless_told_otherwise()
    {
        // The console calls the APIs from this machine on a browser's behalf: its forwarded address is the browser's.
        Assert.Equal("127.0.0.0/8,::1/128", (await Projects.Value)["gateway"]["TrustedProxies__Networks"]);
        Assert.Equal("10.0.0.0/8", (await ManifestProjectsAsync("--Gateway:TrustedProxies=10.0.0.0/8"))["gateway"]["TrustedProxies__Networks"]);
        Assert.Equal("", (await ManifestProjectsAsync("--Gateway:TrustedProxies="))["gateway"]["TrustedProxies__Networks"]);
    }

    /// <summary>The AppHost's manifest as published for a cluster (real SMS providers, no simulator): each project's environment.</summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> ManifestProjectsAsync(params string[] settings)
    {
        var folder = TempFolder.Create("masswork-manifest-");
        try
        {
            var path = Path.Combine(folder, "aspire-manifest.json");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var argument in (string[])[AppHostProcess.AssemblyPath(), "--publisher", "manifest", "--output-path", path, "--Sms:UseSimulator=false", $"--AppHost:DataDir={folder}", .. settings])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(process.ExitCode == 0, $"publishing the manifest failed: {await output}{await errors}");

            using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            return manifest.RootElement.GetProperty("resources").EnumerateObject()
                .Where(r => r.Value.GetProperty("type").GetString()!.StartsWith("project.", StringComparison.Ordinal))
                .ToDictionary(r => r.Name, r => r.Value.GetProperty("env").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.ToString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
