using MassWork.Projects.Data;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Projects API (为民办实事)");
builder.AddServiceDatabase<ProjectsDbContext>("projectsdb");
builder.AddServiceMessaging<ProjectsDbContext>("projects");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.Run();
