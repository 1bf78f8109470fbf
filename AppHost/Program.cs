using MassWork.AppHost.Hosting;

var builder = DistributedApplication.CreateBuilder(args);

var postgres = builder.AddPostgres("postgres");
var messaging = builder.AddRabbitMQ("messaging");

ProjectResource AddService(string name, string projectPath)
{
    var database = postgres.AddDatabase($"{name}db", builder);
    return builder.AddProject(name, projectPath)
        .WithReference(database).WaitFor(database)
        .WithReference(messaging).WaitFor(messaging);
}

// The city's statistical region codes are reference data; the demo town (on unless Demo:Enabled=false) gives a new user a working system.
// Tests make import chunks tiny so that every import crosses chunk boundaries.
var personnel = AddService("personnel", "services/Personnel/MassWork.Personnel.csproj")
    .WithEnvironment("Regions__SeedFile", Path.Combine(builder.RepositoryRoot, "deploy", "data", "regions-ganzhou-3607.csv"))
    .WithEnvironment("Imports__Folder", Path.Combine(builder.Context.DataDirectory, "imports"))
    .WithEnvironment("Demo__Enabled", builder.Configuration["Demo:Enabled"] ?? "true")
    .WithEnvironment("Imports__HouseholdsPerChunk", builder.Configuration["Personnel:ImportHouseholdsPerChunk"] ?? "5000");
var visits = AddService("visits", "services/Visits/MassWork.Visits.csproj");
// The public-holiday calendar drives working-day deadlines; the sweep interval is shortened by tests.
var petitions = AddService("petitions", "services/Petitions/MassWork.Petitions.csproj")
    .WithEnvironment("Calendar__SeedFile", Path.Combine(builder.RepositoryRoot, "deploy", "data", "holidays-cn.csv"))
    .WithEnvironment("Deadlines__SweepInterval", builder.Configuration["Petitions:SweepInterval"] ?? "00:01:00");
var projects = AddService("projects", "services/Projects/MassWork.Projects.csproj");
var notifications = AddService("notifications", "services/Notifications/MassWork.Notifications.csproj")
    .WithEnvironment("Sms__FirstRetryDelay", builder.Configuration["Sms:FirstRetryDelay"] ?? "00:00:02");

// SMS goes to the simulator (Aliyun's request shape, receipts, replies) unless Sms:UseSimulator=false,
// in which case the notifications service takes its providers from its own Sms__Providers__… settings.
if (builder.Configuration["Sms:UseSimulator"] != "false")
{
    var simulator = builder.AddProject("smssim", "services/SmsSimulator/MassWork.SmsSimulator.csproj",
        port: int.TryParse(builder.Configuration["Sms:SimulatorPort"], out var simulatorPort) ? simulatorPort : null);
    SmsSimulatorSettings.Connect(notifications, simulator);
    simulator
        .WithEnvironment("Simulator__KeepMessages", builder.Configuration["Sms:SimulatorKeepMessages"] ?? "true")
        .WithEnvironment("Simulator__FailureRate", builder.Configuration["Sms:SimulatorFailureRate"] ?? "0.01")
        .WithEnvironment("Simulator__DeliveryFailureRate", builder.Configuration["Sms:SimulatorDeliveryFailureRate"] ?? "0.01");
}

var gateway = builder.AddProject("gateway", "gateway/MassWork.Gateway.csproj", port: builder.GatewayPort);
foreach (var service in new[] { personnel, visits, petitions, projects, notifications })
{
    gateway.WithReference(service).WaitFor(service);
}

// A test run puts the whole platform at an instant of its choosing (Development only; see ClockExtensions).
if (builder.Configuration["Clock:Offset"] is { Length: > 0 } clockOffset)
{
    foreach (var project in new[] { personnel, visits, petitions, projects, notifications, gateway })
    {
        project.WithEnvironment("Clock__Offset", clockOffset);
    }
}

return await builder.Build().RunAsync();
