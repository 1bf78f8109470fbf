using k8s.Models;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>
/// The rendered NetworkPolicies, evaluated as Kubernetes does, let each pod be reached only by
/// what needs it: the ingress controller reaches the gateway alone, the gateway the services, the
/// services the identity service, the pooler and the broker, and only the pooler PostgreSQL.
/// </summary>
public sealed class NetworkPolicyTests
{
    private const string Namespace = "masswork";

    private static readonly string[] Services = ["personnel", "visits", "petitions", "projects", "notifications"];

    private static readonly string[] DatabaseServices = [.. Services, "identity"];

    /// <summary>The labels the operators give their pods (CloudNativePG pkg/specs, RabbitMQ cluster-operator).</summary>
    private static readonly Dictionary<string, Dictionary<string, string>> OperatorPods = new()
    {
        ["postgres"] = new() { ["cnpg.io/cluster"] = "pg", ["cnpg.io/podRole"] = "instance", ["cnpg.io/instanceName"] = "pg-1", ["role"] = "primary" },
        ["pooler"] = new() { ["cnpg.io/cluster"] = "pg", ["cnpg.io/poolerName"] = "pg-pooler-rw", ["cnpg.io/podRole"] = "pooler" },
        ["rabbitmq"] = new() { ["app.kubernetes.io/name"] = "rabbitmq", ["app.kubernetes.io/component"] = "rabbitmq", ["app.kubernetes.io/part-of"] = "rabbitmq" },
    };

    /// <summary>Namespaces that may hold a caller: the ingress controller, the two operators, and any other (a stranger wearing the gateway's label).</summary>
    private static readonly string[] OtherNamespaces = ["ingress-nginx", "cnpg-system", "rabbitmq-system", "default"];

    [Theory]
    [MemberData(nameof(KustomizeOverlay.Names), MemberType = typeof(KustomizeOverlay))]
    public void Each_pod_is_reached_only_by_what_needs_it(string name)
    {
        var overlay = KustomizeOverlay.Render(name);
        var policies = overlay.All<V1NetworkPolicy>().ToList();
        var pods = overlay.Deployments.ToDictionary(d => d.Metadata.Name, d => d.PodLabels());
        foreach (var (pod, labels) in OperatorPods)
        {
            pods[pod] = labels;
        }

        var callers = pods.Select(p => (Name: p.Key, Namespace, Labels: p.Value))
            .Concat(OtherNamespaces.Select(n => (Name: "namespace " + n, Namespace: n, Labels: (IDictionary<string, string>)new Dictionary<string, string> { ["app"] = "gateway" })))
            .ToList();

        var expected = new Dictionary<string, string[]>
        {
            ["gateway"] = ["namespace ingress-nginx", "console"],
            ["console"] = ["gateway"],
            ["identity"] = ["gateway", .. Services],
            ["pooler"] = [.. DatabaseServices, "namespace cnpg-system"],
            ["postgres"] = ["pooler", "postgres", "namespace cnpg-system"],
            ["rabbitmq"] = [.. DatabaseServices, "rabbitmq", "namespace rabbitmq-system"],
        };
        foreach (var service in Services)
        {
            expected[service] = ["gateway"];
        }

        Assert.Equal(expected.Keys.Order(), pods.Keys.Order());
        foreach (var (pod, labels) in pods)
        {
            var selecting = policies.Where(p => p.Spec.PolicyTypes.Contains("Ingress") && Workloads.Selects(p.Spec.PodSelector, labels)).ToList();
            Assert.True(selecting.Count > 0, $"no policy selects {pod}: anything may reach it");
            var reaching = callers.Where(c => selecting.Any(p => (p.Spec.Ingress ?? []).Any(rule => Admits(rule, c.Namespace, c.Labels))))
                .Select(c => c.Name).Order().ToList();
            Assert.True(expected[pod].Order().SequenceEqual(reaching), $"{pod} is reached by [{string.Join(", ", reaching)}], expected [{string.Join(", ", expected[pod].Order())}]");
        }
    }

    /// <summary>Whether an ingress rule admits a pod of this namespace and these labels (a rule without peers admits everyone).</summary>
    private static bool Admits(V1NetworkPolicyIngressRule rule, string @namespace, IDictionary<string, string> labels) =>
        rule.FromProperty is not { Count: > 0 } peers || peers.Any(peer =>
        {
            Assert.True(peer.IpBlock is null, "an ipBlock admits pods by address, which this check cannot follow");
            var namespaceMatches = peer.NamespaceSelector is { } namespaces
                ? Workloads.Selects(namespaces, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = @namespace })
                : @namespace == Namespace;
            return namespaceMatches && (peer.PodSelector is not { } selector || Workloads.Selects(selector, labels));
        });
}
