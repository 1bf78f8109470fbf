using MassWork.Notifications.Data;
using MassWork.Notifications.Notices;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Notifications API (通知短信)");
builder.AddServiceDatabase<NotificationsDbContext>("notificationsdb");
builder.AddServiceMessaging<NotificationsDbContext>("notifications", bus =>
{
    bus.AddConsumer<HouseholdRegisteredConsumer>();
    bus.AddConsumer<HouseholdsImportedConsumer>();
});

var app = builder.Build();

app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapNoticeEndpoints();

app.Run();
