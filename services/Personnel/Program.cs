using MassWork.Personnel.Attendance;
using MassWork.Personnel.Cadres;
using MassWork.Personnel.Demo;
using MassWork.Personnel.Households;
using MassWork.Personnel.Imports;
using MassWork.Personnel.NoticeBoard;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.Regions;
using MassWork.Personnel.Teams;
using MassWork.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Personnel API (人员与结对)");
builder.AddServiceDatabase<PersonnelDbContext>("personneldb");
// Problems on the village notice board (公示) come from the petitions service, published projects
// (项目公示) from the projects service.
builder.AddServiceMessaging<PersonnelDbContext>("personnel");
builder.AddPersonalDataProtection();
builder.AddRequestValidation(typeof(Program).Assembly);

builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<ImportQueue>();
builder.Services.AddSingleton<HouseholdImporter>();
builder.Services.AddScoped<AssignmentService>();
// Hosted services start in this order, after the migrator: reference data, then demo data, then queued imports.
builder.Services.AddHostedService<RegionSeeder>();
builder.Services.AddDemoData(builder.Configuration);
builder.Services.AddHostedService<ImportWorker>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapRegionEndpoints();
app.MapHouseholdEndpoints();
app.MapImportEndpoints();
app.MapCadreEndpoints();
app.MapCadreChangeEndpoints();
app.MapTeamEndpoints();
app.MapTeamChangeEndpoints();
app.MapPolicyEndpoints();
app.MapPairingEndpoints();
app.MapCoverageEndpoints();
app.MapAssignmentEndpoints();
app.MapAttendanceEndpoints();
app.MapNoticeBoardEndpoints();

app.Run();
