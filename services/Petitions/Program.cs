using MassWork.Petitions.Cases;
using MassWork.Petitions.Categories;
using MassWork.Petitions.Deadlines;
using MassWork.Petitions.Departments;
using MassWork.Petitions.Figures;
using MassWork.Petitions.Households;
using MassWork.Petitions.Intake;
using MassWork.Petitions.Open311;
using MassWork.Petitions.PublicQuery;
using MassWork.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Petitions API (诉求信访)");
builder.AddServiceDatabase<PetitionsDbContext>("petitionsdb");
// Households come from personnel; a completed 为民办实事 project answers the cases it was linked to.
builder.AddServiceMessaging<PetitionsDbContext>("petitions");
builder.AddPersonalDataProtection();
builder.AddRequestValidation(typeof(Program).Assembly);

builder.Services.Configure<SweeperOptions>(builder.Configuration.GetSection(SweeperOptions.Section));
builder.Services.AddSingleton<RulesProvider>();
builder.Services.AddScoped<CaseCommands>();
builder.Services.AddScoped<IntakeService>();
builder.Services.AddScoped<LedgerQuery>();
builder.Services.AddScoped<FiguresQuery>();
// After the migrator: categories and the holiday calendar, then the sweeper that needs them.
builder.Services.AddHostedService<ReferenceDataSeeder>();
builder.Services.AddHostedService<DeadlineSweeper>();
builder.Services.AddHostedService<QueryCleanup>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapIntakeEndpoints();
app.MapCaseStepEndpoints();
app.MapDepartmentEndpoints();
app.MapCategoryEndpoints();
app.MapPolicyEndpoints();
app.MapFigureEndpoints();
app.MapOpen311Endpoints();
app.MapPublicQueryEndpoints();

app.Run();
