using MassWork.Gateway;
using MassWork.Gateway.DevTokens;
using MassWork.Gateway.Health;
using MassWork.Gateway.RateLimits;
using MassWork.Gateway.Security;
using MassWork.ServiceDefaults.Validation;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddRequestValidation(typeof(Program).Assembly);
builder.AddTrustedProxies();
builder.AddGatewayRateLimits();
builder.AddSecurityHeaders();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    // Destinations are service names ("http://personnel"): the AppHost's services__personnel__http__0 locally, DNS on Kubernetes.
    .AddServiceDiscoveryDestinationResolver();
builder.AddDownstreamHealthChecks(DownstreamServices.Names);

var app = builder.Build();

app.UseTrustedProxies();
app.UseClientHeaderStripping();
app.UseSecurityHeaders();
app.UseServiceDefaults();
// After authentication, so a request counts against the user its token names.
app.UseRateLimiter();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy => proxy.UseRequestBodyLimit());
app.MapUnknownApiPaths();
app.MapApiReference(DownstreamServices.Names);
app.MapDevTokenEndpoint(app.Environment);

app.Run();
