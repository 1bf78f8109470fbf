using MassWork.Projects;
using MassWork.Projects.Approval;
using MassWork.Projects.Demo;
using MassWork.Projects.Figures;
using MassWork.Projects.Funding;
using MassWork.Projects.Ledger;
using MassWork.Projects.Milestones;
using MassWork.Projects.Photos;
using MassWork.Projects.Publicity;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Projects API (为民办实事)");
builder.AddServiceDatabase<ProjectsDbContext>("projectsdb");
builder.AddServiceMessaging<ProjectsDbContext>("projects");
builder.AddRequestValidation(typeof(Program).Assembly);
// Progress photos of the works live in the blob store, under "projects".
builder.AddBlobStore("projects");

builder.Services.AddScoped<ApprovalPolicies>();
builder.Services.AddScoped<ProjectCommands>();
builder.Services.AddScoped<LedgerWriter>();
builder.Services.AddOptions<ProjectsOptions>().Bind(builder.Configuration.GetSection(ProjectsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddScoped<ProgressQuery>();
builder.Services.AddScoped<Notices>();
builder.Services.AddScoped<FiguresQuery>();
builder.Services.AddScoped<ProgressPhotoUploader>();
// After the migrator: the demo town's projects when Demo:Enabled.
builder.Services.AddDemoProjects(builder.Configuration);

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapProjectEndpoints();
app.MapStageEndpoints();
app.MapApprovalPolicyEndpoints();
app.MapFundEndpoints();
app.MapLedgerEndpoints();
app.MapMilestoneEndpoints();
app.MapProgressPhotoEndpoints();
app.MapNoticeEndpoints();
app.MapFigureEndpoints();

app.Run();
