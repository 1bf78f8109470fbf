using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MassWork.Testing.Telemetry;

/// <summary>
/// An OTLP receiver over gRPC, as the city's collector is (deploy/kubernetes: otlp-endpoint), that
/// counts what each signal sends and keeps none of it. A platform run without its dashboard
/// (AppHost:Dashboard=false) exports here: the services pay for their telemetry as deployed, and no
/// store of it runs on the cores a benchmark measures.
/// </summary>
public sealed class TelemetrySink : IAsyncDisposable
{
    /// <summary>An empty Export…ServiceResponse in its gRPC frame: not compressed, length 0.</summary>
    private static readonly byte[] EmptyResponse = new byte[5];

    private readonly WebApplication _app;
    /// <summary>The path each signal's exports take, in the order of <see cref="_exports"/>.</summary>
    private static readonly string[] Prefixes = [.. new[] { "trace", "metrics", "logs" }.Select(s => $"/opentelemetry.proto.collector.{s}.v1.")];

    /// <summary>Exports received, by signal: traces, metrics, logs.</summary>
    private readonly long[] _exports = new long[3];

    private long _bytes;

    private TelemetrySink(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where to send OTLP over gRPC (h2c): an ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL.</summary>
    public Uri Address { get; }

    public long TraceExports => Interlocked.Read(ref _exports[0]);

    public long MetricExports => Interlocked.Read(ref _exports[1]);

    public long LogExports => Interlocked.Read(ref _exports[2]);

    public long Bytes => Interlocked.Read(ref _bytes);

    public string Summary => $"{TraceExports:N0} trace, {MetricExports:N0} metric and {LogExports:N0} log exports, {Bytes / 1_048_576.0:N1} MB";

    public static async Task<TelemetrySink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        TelemetrySink? sink = null;
        app.Run(context => sink!.ReceiveAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        sink = new TelemetrySink(app, new Uri(address));
        return sink;
    }

    /// <summary>/opentelemetry.proto.collector.{trace|metrics|logs}.v1.{…}Service/Export</summary>
    private async Task ReceiveAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var signal = Array.FindIndex(Prefixes, prefix => path.StartsWith(prefix, StringComparison.Ordinal));
        if (signal < 0 || !path.EndsWith("/Export", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var buffer = new byte[16 * 1024];
        long received = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            received += read;
        }

        Interlocked.Add(ref _bytes, received);
        Interlocked.Increment(ref _exports[signal]);
        context.Response.ContentType = "application/grpc";
        context.Response.AppendTrailer("grpc-status", "0");
        await context.Response.Body.WriteAsync(EmptyResponse, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
