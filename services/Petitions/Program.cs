using MassWork.Petitions.Data;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Petitions API (诉求信访)");
builder.AddServiceDatabase<PetitionsDbContext>("petitionsdb");
builder.AddServiceMessaging<PetitionsDbContext>("petitions");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
