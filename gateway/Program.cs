using MassWork.Gateway;
using MassWork.Gateway.DevTokens;
using MassWork.Gateway.Discovery;
using MassWork.Gateway.Health;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReverseProxy()
    .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
    .AddServiceDiscoveryDestinationResolver();
builder.AddDownstreamHealthChecks(DownstreamServices.Names);

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapReverseProxy(proxy => proxy.UseRequestBodyLimit());
app.MapApiReference(DownstreamServices.Names);
if (app.Environment.IsDevelopment())
{
    app.MapDevTokenEndpoint();
}

app.Run();
