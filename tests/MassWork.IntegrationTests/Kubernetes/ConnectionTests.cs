using k8s.Models;
using Npgsql;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>
/// Every address a workload is given leads where the code expects: the services' listening port,
/// the gateway's destinations, the pooler and the broker; and the services' database connections
/// fit the pooler's and PostgreSQL's budgets at the autoscalers' ceilings.
/// </summary>
public sealed class ConnectionTests
{
    [Theory]
    [MemberData(nameof(KustomizeOverlay.Names), MemberType = typeof(KustomizeOverlay))]
    public void Every_port_agrees_with_the_port_the_code_listens_on_and_the_addresses_it_calls(string name)
    {
        var overlay = KustomizeOverlay.Render(name);
        foreach (var deployment in overlay.Deployments)
        {
            var container = deployment.Container();
            var listens = new Uri(Workloads.Value(container, "ASPNETCORE_URLS")!.Replace("+", "localhost", StringComparison.Ordinal)).Port;
            var http = Assert.Single(container.Ports, p => p.Name == "http");
            Assert.Equal(listens, http.ContainerPort);
            foreach (var probe in new[] { container.StartupProbe, container.ReadinessProbe, container.LivenessProbe })
            {
                Assert.Equal(listens, ContainerPort(container, probe.HttpGet.Port));
            }

            var service = overlay.Single<V1Service>(deployment.Metadata.Name);
            Assert.True(Workloads.Selects(service.Spec.Selector, deployment.PodLabels()), $"the {service.Metadata.Name} Service selects none of its pods");
            Assert.Equal(listens, ContainerPort(container, Assert.Single(service.Spec.Ports).TargetPort));
        }

        // The gateway's routes and every service's Auth:Authority name services by http://<name> (port 80).
        var destinations = GatewayDestinations().Append(new Uri("http://identity"));
        foreach (var destination in destinations)
        {
            var service = overlay.Single<V1Service>(destination.Host);
            Assert.Contains(service.Spec.Ports, p => p.Port == destination.Port);
        }

        foreach (var deployment in overlay.Deployments)
        {
            var container = deployment.Container();
            foreach (var variable in container.Env.Where(e => e.Name.StartsWith("services__", StringComparison.Ordinal) || e.Name == "Auth__Authority"))
            {
                var target = new Uri(variable.Value);
                Assert.Contains(overlay.Single<V1Service>(target.Host).Spec.Ports, p => p.Port == target.Port);
            }

            if (Workloads.Value(container, "ConnectionStrings__messaging") is { } messaging)
            {
                var broker = new Uri(messaging);
                Assert.Equal(5672, broker.Port);
                overlay.Single<RabbitmqCluster>(broker.Host);
            }
        }

        var backend = Assert.Single(Assert.Single(overlay.Single<V1Ingress>("masswork").Spec.Rules).Http.Paths).Backend.Service;
        Assert.Contains(overlay.Single<V1Service>(backend.Name).Spec.Ports, p => p.Name == backend.Port.Name);
    }

    [Theory]
    [MemberData(nameof(KustomizeOverlay.Names), MemberType = typeof(KustomizeOverlay))]
    public void Each_service_owns_its_database_through_the_pooler_and_the_autoscalers_ceilings_fit_its_budget(string name)
    {
        var overlay = KustomizeOverlay.Render(name);
        var cluster = overlay.Single<CnpgCluster>("pg");
        var pooler = overlay.Single<CnpgPooler>("pg-pooler-rw");
        Assert.Equal("transaction", pooler.Spec!.Pgbouncer!.PoolMode);
        Assert.Equal(cluster.Metadata.Name, pooler.Spec.Cluster!.Name);

        var clients = 0;
        var databases = new List<string>();
        foreach (var deployment in overlay.Deployments)
        {
            var container = deployment.Container();
            var variable = container.Env.SingleOrDefault(e => e.Name.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && e.Name.EndsWith("db", StringComparison.Ordinal));
            if (variable is null)
            {
                continue;
            }

            var connection = new NpgsqlConnectionStringBuilder(Workloads.Value(container, variable.Name));
            var app = deployment.Metadata.Name;
            Assert.Equal(variable.Name["ConnectionStrings__".Length..], connection.Database);
            Assert.Equal(pooler.Metadata.Name, connection.Host);
            Assert.Equal(5432, connection.Port);
            // PgBouncer hands the server connection to another client after each transaction: nothing to reset.
            Assert.True(connection.NoResetOnClose, $"{app} resets its connections through a transaction pooler");
            Assert.Equal(SslMode.VerifyCA, connection.SslMode);

            // The database is owned by the service's own role, whose password the service reads from the role's secret.
            var database = Assert.Single(overlay.All<CnpgDatabase>(), d => d.Spec!.Name == connection.Database);
            Assert.Equal(connection.Username, database.Spec!.Owner);
            Assert.Equal(cluster.Metadata.Name, database.Spec.Cluster!.Name);
            var role = Assert.Single(cluster.Spec!.Managed!.Roles!, r => r.Name == connection.Username);
            Assert.True(role.Login);
            Assert.Equal(role.PasswordSecret!.Name, Workloads.Variable(container, "PG_PASSWORD")?.ValueFrom?.SecretKeyRef?.Name);
            Assert.Equal("$(PG_PASSWORD)", connection.Password);

            var ceiling = Assert.Single(overlay.All<V2HorizontalPodAutoscaler>(), h => h.Spec.ScaleTargetRef.Name == app).Spec.MaxReplicas;
            clients += ceiling * connection.MaxPoolSize;
            databases.Add(connection.Database!);
        }

        Assert.Equal(6, databases.Distinct().Count());

        // Every replica at its pool's ceiling fits one pooler instance (clients need not spread evenly).
        var parameters = pooler.Spec.Pgbouncer.Parameters!;
        Assert.True(clients <= int.Parse(parameters["max_client_conn"]), $"{clients} client connections at the autoscalers' ceilings exceed max_client_conn {parameters["max_client_conn"]}");

        // The poolers' server connections fit PostgreSQL, leaving room for the operator, replication and an operator's psql.
        var server = pooler.Spec.Instances!.Value * databases.Count * int.Parse(parameters["default_pool_size"]);
        var maxConnections = int.Parse(cluster.Spec!.Postgresql!.Parameters!["max_connections"]);
        Assert.True(server <= maxConnections - 20, $"{server} pooled server connections leave less than 20 of max_connections {maxConnections}");
    }

    private static int ContainerPort(V1Container container, IntOrString port) =>
        int.TryParse(port.Value, out var number) ? number : Assert.Single(container.Ports, p => p.Name == port.Value).ContainerPort;

    private static IEnumerable<Uri> GatewayDestinations()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "gateway", "appsettings.json")));
        return settings.RootElement.GetProperty("ReverseProxy").GetProperty("Clusters").EnumerateObject()
            .SelectMany(c => c.Value.GetProperty("Destinations").EnumerateObject())
            .Select(d => new Uri(d.Value.GetProperty("Address").GetString()!))
            .ToList();
    }
}
