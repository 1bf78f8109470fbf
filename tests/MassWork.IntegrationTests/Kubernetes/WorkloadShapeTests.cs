using k8s.Models;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>
/// Each overlay renders, every object is a kind Kubernetes or its operators know with no unknown
/// field, and every Deployment is probed, sized, spread, autoscaled and protected from disruption.
/// </summary>
public sealed class WorkloadShapeTests
{
    [Theory]
    [MemberData(nameof(KustomizeOverlay.Names), MemberType = typeof(KustomizeOverlay))]
    public void Every_object_is_a_known_kind_in_the_masswork_namespace_and_no_secret_value_is_in_the_repository(string name)
    {
        var overlay = KustomizeOverlay.Render(name);

        Assert.Equal(8, overlay.Deployments.Count());
        foreach (var o in overlay.Objects.Cast<k8s.IKubernetesObject<V1ObjectMeta>>())
        {
            Assert.True(o is V1Namespace || o.Metadata.NamespaceProperty == "masswork", $"{o.Kind} {o.Metadata.Name} is outside the masswork namespace");
        }

        // Secrets are made in the cluster (docs/deploy.md) and referred to by name.
        Assert.Empty(overlay.All<V1Secret>());
    }

    [Theory]
    [MemberData(nameof(KustomizeOverlay.Names), MemberType = typeof(KustomizeOverlay))]
    public void Every_deployment_is_probed_sized_spread_autoscaled_and_has_a_disruption_budget(string name)
    {
        var overlay = KustomizeOverlay.Render(name);
        foreach (var deployment in overlay.Deployments)
        {
            var app = deployment.Metadata.Name;
            var container = deployment.Container();

            Assert.True(deployment.Spec.Replicas is null, $"{app}: the autoscaler owns the replica count");
            Assert.Equal("/health", container.ReadinessProbe?.HttpGet?.Path);
            Assert.Equal("/alive", container.LivenessProbe?.HttpGet?.Path);
            Assert.True(container.StartupProbe?.HttpGet is not null, $"{app} has no startup probe: migrations at start would be killed by the liveness probe");
            Assert.True(container.StartupProbe!.PeriodSeconds * container.StartupProbe.FailureThreshold >= 300, $"{app}: the startup probe allows less than five minutes for migrations");

            var resources = container.Resources;
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.True(resources?.Requests?.ContainsKey(resource) == true, $"{app} requests no {resource}");
                Assert.True(resources!.Limits?.ContainsKey(resource) == true, $"{app} has no {resource} limit");
                Assert.True(resources.Requests[resource].ToDecimal() <= resources.Limits[resource].ToDecimal(), $"{app} requests more {resource} than its limit");
            }

            Assert.Contains(deployment.Spec.Template.Spec.TopologySpreadConstraints ?? [], t => t.TopologyKey == "kubernetes.io/hostname");

            var budget = Assert.Single(overlay.All<V1PodDisruptionBudget>(), b => Workloads.Selects(b.Spec.Selector, deployment.PodLabels()));
            Assert.True(budget.Spec.MaxUnavailable is not null || budget.Spec.MinAvailable is not null, $"{app}: the disruption budget limits nothing");

            var autoscaler = Assert.Single(overlay.All<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Kind == "Deployment" && h.Spec.ScaleTargetRef.Name == app);
            Assert.InRange(autoscaler.Spec.MinReplicas ?? 1, 1, autoscaler.Spec.MaxReplicas);
            Assert.Contains(autoscaler.Spec.Metrics, m => m.Resource?.Name == "cpu");
        }
    }

    [Fact]
    public void The_city_overlay_keeps_every_service_and_its_data_available_through_the_loss_of_a_node()
    {
        var city = KustomizeOverlay.Render("city");

        Assert.All(city.All<V2HorizontalPodAutoscaler>(), h => Assert.True(h.Spec.MinReplicas >= 2, $"{h.Metadata.Name} may run a single replica"));
        var postgres = city.Single<CnpgCluster>("pg");
        Assert.True(postgres.Spec!.Instances >= 3);
        Assert.True(postgres.Spec.Postgresql?.Synchronous?.Number >= 1, "commits are not acknowledged by a replica");
        Assert.Equal("required", postgres.Spec.Affinity?.PodAntiAffinityType);
        Assert.True(city.Single<CnpgPooler>("pg-pooler-rw").Spec!.Instances >= 2);
        Assert.True(city.Single<RabbitmqCluster>("rabbitmq").Spec!.Replicas >= 3, "quorum queues need three nodes to survive the loss of one");

        // Identity is raised ahead of the 08:30 sign-ins and handed back to the autoscaler's own floor afterwards.
        var identity = city.Single<V2HorizontalPodAutoscaler>("identity");
        var morning = city.All<V1CronJob>().ToDictionary(j => j.Metadata.Name, j => Assert.Single(j.Spec.JobTemplate.Spec.Template.Spec.Containers).Args);
        Assert.Contains("{\"spec\":{\"minReplicas\":" + identity.Spec.MinReplicas + "}}", morning["identity-morning-down"]);
        var raised = int.Parse(System.Text.RegularExpressions.Regex.Match(morning["identity-morning-up"].Last(), @"\d+").Value);
        Assert.InRange(raised, identity.Spec.MinReplicas!.Value + 1, identity.Spec.MaxReplicas);

        // WAL goes to the object store the weekly backup also uses.
        var archiver = Assert.Single(postgres.Spec.Plugins ?? [], p => p.IsWALArchiver == true);
        var store = city.Single<BarmanObjectStore>(archiver.Parameters!["barmanObjectName"]);
        Assert.StartsWith("s3://", store.Spec!.Configuration!.DestinationPath);
        var backup = Assert.Single(city.All<CnpgScheduledBackup>());
        Assert.Equal("pg", backup.Spec!.Cluster!.Name);
        Assert.Equal(archiver.Name, backup.Spec.PluginConfiguration?.Name);
    }

    [Fact]
    public void The_demo_overlay_runs_one_replica_of_everything()
    {
        var demo = KustomizeOverlay.Render("demo");

        Assert.All(demo.All<V2HorizontalPodAutoscaler>(), h => Assert.Equal(1, h.Spec.MinReplicas));
        Assert.Equal(1, demo.Single<CnpgCluster>("pg").Spec!.Instances);
        Assert.Equal(1, demo.Single<CnpgPooler>("pg-pooler-rw").Spec!.Instances);
        Assert.Equal(1, demo.Single<RabbitmqCluster>("rabbitmq").Spec!.Replicas);
    }
}
