using MassWork.Notifications.Broadcasts;
using MassWork.Notifications.Digest;
using MassWork.Notifications.Dispatch;
using MassWork.Notifications.Events;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Providers;
using MassWork.Notifications.Teams;
using MassWork.Notifications.Templates;
using MassWork.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Notifications API (通知短信)");
builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
builder.AddServiceMessaging<NotificationsDbContext>("notifications");
builder.AddPersonalDataProtection();
builder.AddRequestValidation(typeof(Program).Assembly);

builder.Services.Configure<SmsOptions>(builder.Configuration.GetSection(SmsOptions.Section));
// Provider calls are not idempotent: no generic retry may repeat them, and the adapters' own
// timeouts and outcomes decide what happens next (retry, failover or look-up).
#pragma warning disable EXTEXP0001 // Marked for evaluation; the supported way to opt one client out of the defaults.
builder.Services.AddHttpClient("sms").RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
builder.Services.AddSingleton<ProviderSet>();
builder.Services.AddSingleton<TemplateCatalog>();
builder.Services.AddScoped<MessageWriter>();
builder.Services.AddHostedService<TemplateSeeder>();
builder.Services.AddHostedService<Dispatcher>();
builder.Services.AddHostedService<BroadcastFanOut>();
builder.Services.AddOptions<DigestOptions>().Bind(builder.Configuration.GetSection(DigestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<WeeklyDigest>();

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapTemplateEndpoints();
app.MapMessageEndpoints();
app.MapBroadcastEndpoints();
app.MapProviderCallbackEndpoints();
app.Run();
