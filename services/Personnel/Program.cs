using MassWork.Personnel.Data;
using MassWork.Personnel.Households;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Personnel API (人员与结对)");
builder.AddServiceDatabase<PersonnelDbContext>("personneldb");
builder.AddServiceMessaging<PersonnelDbContext>("personnel");

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapHouseholdEndpoints();

app.Run();
