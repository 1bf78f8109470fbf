using MassWork.Gateway;
using MassWork.Gateway.DevTokens;
using MassWork.Gateway.Health;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    // Destinations are service names ("http://personnel"): the AppHost's services__personnel__http__0 locally, DNS on Kubernetes.
    .AddServiceDiscoveryDestinationResolver();
builder.AddDownstreamHealthChecks(DownstreamServices.Names);

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy => proxy.UseRequestBodyLimit());
app.MapApiReference(DownstreamServices.Names);
app.MapDevTokenEndpoint(app.Environment);

app.Run();
