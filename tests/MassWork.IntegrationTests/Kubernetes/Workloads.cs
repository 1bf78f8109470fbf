using System.Text.RegularExpressions;
using k8s.Models;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>Reading rendered objects the way Kubernetes does: environment references and label selectors.</summary>
public static partial class Workloads
{
    /// <summary>
    /// A container variable's value with <c>$(NAME)</c> references to earlier literal variables
    /// expanded, as the kubelet does; a reference to a secret stays as <c>$(NAME)</c>.
    /// </summary>
    public static string? Value(V1Container container, string name)
    {
        var known = new Dictionary<string, string>();
        foreach (var variable in container.Env ?? [])
        {
            if (variable.Value is { } value)
            {
                known[variable.Name] = Reference().Replace(value, m => known.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
            }

            if (variable.Name == name)
            {
                return known.GetValueOrDefault(name);
            }
        }

        return null;
    }

    public static V1EnvVar? Variable(V1Container container, string name) => container.Env?.SingleOrDefault(e => e.Name == name);

    public static V1Container Container(this V1Deployment deployment) => Assert.Single(deployment.Spec.Template.Spec.Containers);

    public static IDictionary<string, string> PodLabels(this V1Deployment deployment) => deployment.Spec.Template.Metadata.Labels;

    /// <summary>Whether a label selector selects a pod with these labels (an empty selector selects every pod).</summary>
    public static bool Selects(V1LabelSelector selector, IDictionary<string, string> labels)
    {
        foreach (var (key, value) in selector.MatchLabels ?? new Dictionary<string, string>())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != value)
            {
                return false;
            }
        }

        foreach (var expression in selector.MatchExpressions ?? [])
        {
            var has = labels.TryGetValue(expression.Key, out var actual);
            var matches = expression.OperatorProperty switch
            {
                "In" => has && expression.Values.Contains(actual!),
                "NotIn" => !has || !expression.Values.Contains(actual!),
                "Exists" => has,
                "DoesNotExist" => !has,
                var other => throw new InvalidOperationException($"unknown selector operator {other}"),
            };
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }

    public static bool Selects(IDictionary<string, string> selector, IDictionary<string, string> labels) =>
        selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value);

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}
