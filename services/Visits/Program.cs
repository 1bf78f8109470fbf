using MassWork.Visits.Data;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Visits API (走访)");
builder.AddServiceDatabase<VisitsDbContext>("visitsdb");
builder.AddServiceMessaging<VisitsDbContext>("visits");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
