using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace MassWork.UnitTests;

/// <summary>
/// Every process's HTTP clients retry and break circuits (the service defaults); a destination that
/// keeps failing must open its own circuit only. Shared, an unreachable identity service once
/// refused every gateway call the console made.
/// </summary>
public sealed class HttpResilienceTests
{
    [Fact]
    public async Task A_destination_that_keeps_failing_opens_its_own_circuit_and_no_other()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.AddBasicServiceDefaults();
        // The standard pipeline, made quick: no waits between attempts, and a circuit that judges after ten calls.
        builder.Services.PostConfigureAll<HttpStandardResilienceOptions>(options =>
        {
            options.Retry.Delay = TimeSpan.Zero;
            options.CircuitBreaker.MinimumThroughput = 10;
        });
        builder.Services.AddHttpClient("identity").ConfigurePrimaryHttpMessageHandler(() => new Unreachable());
        builder.Services.AddHttpClient("gateway").ConfigurePrimaryHttpMessageHandler(() => new Answering());
        using var host = builder.Build();
        var clients = host.Services.GetRequiredService<IHttpClientFactory>();

        var identity = clients.CreateClient("identity");
        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => identity.GetAsync("http://identity/revoked-tokens"));
        }

        // Polly 8's BrokenCircuitException (by name: MassTransit brings Polly 7's along).
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => identity.GetAsync("http://identity/revoked-tokens"));
        Assert.Equal("BrokenCircuitException", refused.GetType().Name);
        using var answer = await clients.CreateClient("gateway").GetAsync("http://gateway/api/visits/due");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    private sealed class Unreachable : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException($"Name or service not known ({request.RequestUri!.Host}:80)");
    }

    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
