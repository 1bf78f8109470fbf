using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MassWork.IntegrationTests;

/// <summary>
/// deploy/kubernetes stays true to the AppHost: each project of the Aspire manifest has a
/// Deployment, and the Deployment receives every setting the AppHost gives the project.
/// </summary>
public sealed partial class KubernetesManifestTests
{
    /// <summary>
    /// What Aspire adds to every project for its own hosting: its port variable, forwarded headers and
    /// the OTLP exporter's retry. The Deployments state these their own way (ASPNETCORE_URLS, OTEL_*).
    /// </summary>
    private static readonly string[] AspireHostingKeys = ["HTTP_PORTS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"];

    [Fact]
    public async Task Every_deployment_receives_the_settings_the_AppHost_gives_its_project()
    {
        var projects = await ManifestProjectsAsync();
        var deployments = Deployments(await File.ReadAllTextAsync(Path.Combine(Repository.Root, "deploy", "kubernetes", "masswork.yaml")));

        Assert.Equal(projects.Keys.Order(), deployments.Keys.Order());
        foreach (var (project, keys) in projects)
        {
            var missing = keys.Except(AspireHostingKeys).Except(deployments[project]).Order().ToList();
            Assert.True(missing.Count == 0, $"The {project} Deployment lacks {string.Join(", ", missing)}, which the AppHost gives the project.");
        }
    }

    /// <summary>The AppHost's manifest as published for a cluster (real SMS providers, no simulator): each project's environment keys.</summary>
    private static async Task<Dictionary<string, HashSet<string>>> ManifestProjectsAsync()
    {
        var folder = TempFolder.Create("masswork-manifest-");
        try
        {
            var path = Path.Combine(folder, "aspire-manifest.json");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var argument in new[] { AppHostProcess.AssemblyPath(), "--publisher", "manifest", "--output-path", path, "--Sms:UseSimulator=false", $"--AppHost:DataDir={folder}" })
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
                .ToDictionary(r => r.Name, r => r.Value.GetProperty("env").EnumerateObject().Select(e => e.Name).ToHashSet());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each Deployment's name and the names in its containers' env lists (the manifest is plain, hand-written YAML).</summary>
    private static Dictionary<string, HashSet<string>> Deployments(string yaml)
    {
        var result = new Dictionary<string, HashSet<string>>();
        foreach (var document in yaml.Split("\n---"))
        {
            if (!DeploymentKind().IsMatch(document))
            {
                continue;
            }

            var name = MetadataName().Match(document).Groups[1].Value;
            var keys = new HashSet<string>();
            int? envIndent = null;
            foreach (var line in document.Split('\n'))
            {
                var indent = line.Length - line.TrimStart().Length;
                if (line.TrimEnd().EndsWith("env:", StringComparison.Ordinal))
                {
                    envIndent = indent;
                }
                else if (envIndent is { } e && line.Trim().Length > 0 && !line.TrimStart().StartsWith('#'))
                {
                    if (indent <= e && !line.TrimStart().StartsWith('-'))
                    {
                        envIndent = null;
                    }
                    else if (EnvName().Match(line) is { Success: true } m && indent == e + 2)
                    {
                        keys.Add(m.Groups[1].Value);
                    }
                }
            }

            result[name] = keys;
        }

        return result;
    }

    [GeneratedRegex(@"^kind:\s*Deployment\s*$", RegexOptions.Multiline)]
    private static partial Regex DeploymentKind();

    [GeneratedRegex(@"^metadata:\s*\n\s+name:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex MetadataName();

    [GeneratedRegex(@"^\s*-\s+name:\s*(\S+)\s*$")]
    private static partial Regex EnvName();
}
