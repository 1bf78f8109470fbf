using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassWork.AppHost.Hosting;
using MassWork.IntegrationTests.Infrastructure;

namespace MassWork.IntegrationTests;

/// <summary>
/// `dotnet run --project AppHost` on its own: it starts local PostgreSQL and RabbitMQ, the five
/// services and the gateway; loads the demo town once; brings back a crashed service; and Ctrl+C
/// leaves no process behind.
/// </summary>
[Collection(Name)]
public sealed class AppHostLifecycleTests
{
    public const string Name = "apphost-lifecycle";

    [Fact]
    public async Task Starts_everything_restarts_a_crashed_service_and_leaves_nothing_on_ctrl_c()
    {
        var directory = TempFolder.Create("masswork-apphost-");
        try
        {
            await using var appHost = AppHostProcess.Start(directory, new Dictionary<string, string>
            {
                ["AppHost:DataDir"] = Path.Combine(directory, "data"),
            });
            await appHost.WaitHealthyAsync(TimeSpan.FromMinutes(5));

            var children = ProcessTree.Descendants(appHost.Pid);
            Assert.Contains(children, pid => ProcessTree.Command(pid).Contains("postgres -D"));
            Assert.Contains(children, pid => ProcessTree.Command(pid).Contains("beam.smp"));
            Assert.Contains(children, pid => ProcessTree.Command(pid).Contains("epmd"));
            var personnel = Assert.Single(children, pid => ProcessTree.Command(pid).EndsWith("MassWork.Personnel.dll"));
            var demo = await DemoCoverageAsync(appHost);
            Assert.Equal(2000, demo.GetProperty("households").GetInt64());
            Assert.Equal(1.0, demo.GetProperty("coverageRate").GetDouble());
            Assert.Equal("Double", demo.GetProperty("mode").GetString());

            Posix.Signal(personnel, Posix.SIGKILL);
            await Eventually.HoldsAsync(async () =>
            {
                var now = ProcessTree.Descendants(appHost.Pid);
                return now.Any(pid => pid != personnel && ProcessTree.Command(pid).EndsWith("MassWork.Personnel.dll"))
                       && await GatewayHealthyAsync(appHost);
            }, TimeSpan.FromMinutes(2), "personnel restarted and the gateway healthy again");

            Assert.Equal(2000, (await DemoCoverageAsync(appHost)).GetProperty("households").GetInt64());

            var before = ProcessTree.Descendants(appHost.Pid);
            var exitCode = await appHost.InterruptAsync(TimeSpan.FromMinutes(2));

            Assert.Equal(0, exitCode);
            var survivors = before.Where(ProcessTree.IsAlive).Select(pid => $"{pid}: {ProcessTree.Command(pid)}").ToList();
            Assert.Empty(survivors);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The demo town's coverage, read as its staff would, with a Development token from the gateway.</summary>
    private static async Task<JsonElement> DemoCoverageAsync(AppHostProcess appHost)
    {
        using var http = new HttpClient { BaseAddress = appHost.Gateway, Timeout = TimeSpan.FromSeconds(30) };
        using var tokenResponse = await http.PostAsJsonAsync("/dev/token", new { roles = new[] { "town-staff" }, region = "360731105" });
        var token = (await tokenResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/personnel/coverage/360731105000");
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<bool> GatewayHealthyAsync(AppHostProcess appHost)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri(appHost.Gateway, "/health"));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
