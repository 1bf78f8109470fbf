using System.Collections.Concurrent;
using System.Diagnostics;
using k8s;
using k8s.Models;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>
/// One overlay of deploy/kubernetes rendered by <c>kubectl kustomize</c> and read back as typed
/// Kubernetes objects in strict mode: a field the kind does not have fails the read.
/// </summary>
public sealed class KustomizeOverlay
{
    public static readonly TheoryData<string> Names = new() { "demo", "city" };

    private static readonly ConcurrentDictionary<string, Lazy<KustomizeOverlay>> Rendered = new();

    private KustomizeOverlay(string name, IReadOnlyList<object> objects)
    {
        Name = name;
        Objects = objects;
    }

    public string Name { get; }

    public IReadOnlyList<object> Objects { get; }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta> =>
        Assert.Single(All<T>(), o => o.Metadata.Name == name);

    public IEnumerable<V1Deployment> Deployments => All<V1Deployment>();

    public static KustomizeOverlay Render(string name) =>
        Rendered.GetOrAdd(name, n => new Lazy<KustomizeOverlay>(() => new KustomizeOverlay(n, Load(n)))).Value;

    private static List<object> Load(string name)
    {
        var yaml = Kustomize(Path.Combine(Repository.Root, "deploy", "kubernetes", "overlays", name));
        return KubernetesYaml.LoadAllFromString(yaml, OperatorModels.TypeMap.ToDictionary(), strict: true);
    }

    /// <summary>kubectl's built-in kustomize (v5); deploy/local/prerequisites.sh installs kubectl where it is missing.</summary>
    public static string Kustomize(string folder)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
        }

        Assert.True(process.ExitCode == 0, $"kubectl kustomize {folder} failed: {errors.Result}");
        return output.Result;
    }
}
