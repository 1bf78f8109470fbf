using MassWork.ServiceDefaults.Data;
using MassWork.Visits.Cadres;
using MassWork.Visits.ContactCards;
using MassWork.Visits.Demo;
using MassWork.Visits.Demands;
using MassWork.Visits.Due;
using MassWork.Visits.Diary;
using MassWork.Visits.Figures;
using MassWork.Visits.Frequency;
using MassWork.Visits.Households;
using MassWork.Visits.Meetings;
using MassWork.Visits.Pairings;
using MassWork.Visits.Photos;
using MassWork.Visits.Records;
using MassWork.Visits.SpotChecks;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Visits API (走访)");
builder.AddServiceDatabase<VisitsDbContext>("visitsdb");
// Photos as proof of visits (留痕) live in the blob store, under "visits".
builder.AddBlobStore("visits");
// Who should visit whom comes from personnel's events alone; the village ledger from petitions'.
builder.AddServiceMessaging<VisitsDbContext>("visits");
builder.AddRequestValidation(typeof(Program).Assembly);

builder.Services.AddOptions<VisitOptions>().Bind(builder.Configuration.GetSection(VisitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<VisitRecorder>();
builder.Services.AddScoped<VisitReader>();
builder.Services.AddScoped<DemandRecorder>();
builder.Services.AddScoped<LedgerReader>();
builder.Services.AddScoped<DiaryService>();
builder.Services.AddScoped<ContactCardQuery>();
builder.Services.AddScoped<DueContactsQuery>();
builder.Services.AddScoped<MeetingService>();
builder.Services.AddOptions<FrequencyOptions>().Bind(builder.Configuration.GetSection(FrequencyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<FrequencySweeper>();
builder.Services.AddOptions<VisitPhotoOptions>().Bind(builder.Configuration.GetSection(VisitPhotoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<VisitPhotoUploader>();
builder.Services.AddScoped<VisitPhotoReader>();
builder.Services.AddScoped<SpotCheckService>();
builder.Services.AddScoped<FiguresQuery>();
builder.Services.AddScoped<VillageFiguresRefresh>();
builder.Services.AddOptions<FiguresOptions>().Bind(builder.Configuration.GetSection(FiguresOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<FiguresRefresher>();
// The demo town's year of visits, once personnel's demo town has arrived (Demo:Enabled).
builder.Services.AddDemoVisits(builder.Configuration);

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapVisitEndpoints();
app.MapDemandEndpoints();
app.MapDiaryEndpoints();
app.MapContactCardEndpoints();
app.MapDueContactsEndpoints();
app.MapMeetingEndpoints();
app.MapFrequencyPolicyEndpoints();
app.MapVisitPhotoEndpoints();
app.MapSpotCheckEndpoints();
app.MapFigureEndpoints();

app.Run();
