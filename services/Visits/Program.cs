using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;
using MassWork.Visits.Cadres;
using MassWork.Visits.Data;
using MassWork.Visits.Households;
using MassWork.Visits.Pairings;
using MassWork.Visits.Records;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Visits API (走访)");
builder.AddServiceDatabase<VisitsDbContext>("visitsdb");
// Who should visit whom comes from personnel's events alone.
builder.AddServiceMessaging<VisitsDbContext>("visits", bus =>
{
    bus.AddConsumer<HouseholdRegisteredConsumer>();
    bus.AddConsumer<HouseholdUpdatedConsumer>();
    bus.AddConsumer<HouseholdsImportedConsumer>();
    bus.AddConsumer<CadreRegisteredConsumer>();
    bus.AddConsumer<CadreUpdatedConsumer>();
    bus.AddConsumer<PairingStartedConsumer>();
    bus.AddConsumer<PairingEndedConsumer>();
});

builder.Services.AddOptions<VisitOptions>().Bind(builder.Configuration.GetSection(VisitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<VisitRecorder>();
builder.Services.AddScoped<VisitReader>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapVisitEndpoints();

app.Run();
