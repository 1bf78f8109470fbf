using System.Reflection;
using MassWork.AppHost.Servers;
using MassWork.AppHost.Supervision;
using MassWork.AppHost.Wiring;

DashboardDefaults.Apply(args);

// Local HTTP between the browser, the dashboard and the AppHost (ports and AppHost:Dashboard in Wiring/DashboardDefaults.cs).
var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
{
    Args = args, AllowUnsecuredTransport = true, DisableDashboard = DashboardDefaults.IsOff(args),
});
builder.AddPlatformSupervision();

var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
var dataFolder = Path.GetFullPath(builder.Configuration["AppHost:DataDir"] ?? Path.Combine(repository, ".apphost"));
var environment = builder.Configuration["AppHost:Environment"] ?? (builder.ExecutionContext.IsPublishMode ? "Production" : "Development");
var secrets = PlatformSecrets.Add(builder, dataFolder, environment);
var blobs = BlobStoreWiring.Add(builder, dataFolder);
var buildConfiguration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

var postgres = builder.AddPlatformPostgres("postgres", dataFolder);
var messaging = builder.AddPlatformRabbitMQ("messaging", dataFolder);

// Services and the gateway listen on their own allocated ports with no local proxy in front (isProxied: false):
// a proxy would add two hops to every request through the gateway that a cluster does not have.
IResourceBuilder<ProjectResource> AddService<TProject>(string name) where TProject : IProjectMetadata, new()
{
    var database = postgres.AddDatabase($"{name}db");
    return builder.AddProject<TProject>(name).RunsBuildOutput(buildConfiguration)
        .WithHttpEndpoint(isProxied: false).WithHttpHealthCheck("/health")
        .WithPlatformSettings(secrets, environment).WithPersonalDataKeys(secrets).WithRetention(builder.Configuration)
        // Every write is audited; Audit:Enabled=false exists only for the audit benchmark's comparison.
        .WithEnvironment("Audit__Enabled", builder.Configuration["Audit:Enabled"] ?? "true")
        .WithReference(database).WaitFor(postgres.Server)
        .WithReference(messaging).WaitFor(messaging);
}

// The city's statistical region codes are reference data; the demo town (on unless Demo:Enabled=false) gives a new user a working system.
// Tests make import chunks tiny so that every import crosses chunk boundaries.
var personnel = AddService<Projects.MassWork_Personnel>("personnel")
    .WithEnvironment("Regions__SeedFile", Path.Combine(repository, "deploy", "data", "regions-ganzhou-3607.csv"))
    .WithEnvironment("Imports__Folder", Path.Combine(dataFolder, "imports"))
    .WithEnvironment("Demo__Enabled", builder.Configuration["Demo:Enabled"] ?? "true")
    .WithEnvironment("Imports__HouseholdsPerChunk", builder.Configuration["Personnel:ImportHouseholdsPerChunk"] ?? "5000");
// Days a visit may be entered after it took place before it is flagged as a late entry (also the grace
// before a year or quarter is judged overdue); how often the frequency sweeper runs (shortened by tests)
// and how often the villages' figures are refreshed in the background;
// how far a photo may be from its visit's time and place before it is flagged. The demo town gets a year of visits.
var visits = blobs.KeepsFiles(AddService<Projects.MassWork_Visits>("visits"))
    .WithEnvironment("Visits__LateEntryDays", builder.Configuration["Visits:LateEntryDays"] ?? "3")
    .WithEnvironment("Frequency__SweepInterval", builder.Configuration["Visits:SweepInterval"] ?? "00:15:00")
    .WithEnvironment("Figures__RefreshInterval", builder.Configuration["Visits:FiguresRefreshInterval"] ?? "00:00:30")
    .WithEnvironment("Visits__Photos__TimeTolerance", builder.Configuration["Visits:Photos:TimeTolerance"] ?? "03:00:00")
    .WithEnvironment("Visits__Photos__DistanceMetres", builder.Configuration["Visits:Photos:DistanceMetres"] ?? "500")
    .WithEnvironment("Demo__Enabled", builder.Configuration["Demo:Enabled"] ?? "true");
// The public-holiday calendar drives working-day deadlines; the sweep interval is shortened by tests.
var petitions = AddService<Projects.MassWork_Petitions>("petitions")
    .WithEnvironment("Calendar__SeedFile", Path.Combine(repository, "deploy", "data", "holidays-cn.csv"))
    .WithEnvironment("Deadlines__SweepInterval", builder.Configuration["Petitions:SweepInterval"] ?? "00:01:00");
// Days a published project stays on the village board (公示期); the demo town gets its projects with the rest of the demo.
var projects = blobs.KeepsFiles(AddService<Projects.MassWork_Projects>("projects"))
    .WithEnvironment("Projects__PublicityDays", builder.Configuration["Projects:PublicityDays"] ?? "30")
    .WithEnvironment("Demo__Enabled", builder.Configuration["Demo:Enabled"] ?? "true");
// The weekly visits digest goes to team leaders at this Asia/Shanghai weekday and hour.
var notifications = AddService<Projects.MassWork_Notifications>("notifications")
    .WithEnvironment("Sms__FirstRetryDelay", builder.Configuration["Sms:FirstRetryDelay"] ?? "00:00:02")
    .WithEnvironment("Digest__Weekday", builder.Configuration["Notifications:DigestWeekday"] ?? "Monday")
    .WithEnvironment("Digest__Hour", builder.Configuration["Notifications:DigestHour"] ?? "9");

// SMS goes to the simulator (Aliyun's request shape, receipts, replies) unless Sms:UseSimulator=false,
// in which case the notifications service takes its providers from its own Sms__Providers__… settings.
if (builder.Configuration["Sms:UseSimulator"] != "false")
{
    var simulator = builder.AddProject<Projects.MassWork_SmsSimulator>("smssim").RunsBuildOutput(buildConfiguration)
        .WithHttpEndpoint(isProxied: false).WithHttpHealthCheck("/health")
        .WithEnvironment("Simulator__KeepMessages", builder.Configuration["Sms:SimulatorKeepMessages"] ?? "true")
        .WithEnvironment("Simulator__FailureRate", builder.Configuration["Sms:SimulatorFailureRate"] ?? "0.01")
        .WithEnvironment("Simulator__DeliveryFailureRate", builder.Configuration["Sms:SimulatorDeliveryFailureRate"] ?? "0.01");
    notifications.SendsThrough(simulator);
}

var gateway = builder.AddProject<Projects.MassWork_Gateway>("gateway").RunsBuildOutput(buildConfiguration)
    .WithHttpEndpoint(port: int.TryParse(builder.Configuration["Gateway:Port"], out var port) ? port : 5080, isProxied: false).WithHttpHealthCheck("/health")
    .WithPlatformSettings(secrets, environment).WithGatewaySettings(builder.Configuration);
blobs.LimitsUploads(gateway, "visits-photos", "projects-photos");
// Notices to petitioners link to the public query page (查询) at the gateway's address.
notifications.WithEnvironment("Sms__PublicQueryUrl", gateway.GetEndpoint("http"));

// Sign-in (OpenID Connect) and staff accounts. Tokens name the gateway's address as their issuer:
// staff and integrating systems reach /connect/… and /.well-known/… there. Integrating systems
// (client credentials) come from Identity:Clients:<n>:{ClientId,ClientSecret,DisplayName,Role,Region}.
// It also keeps the platform's audit log; records past AuditStore:RetentionDays (180) go to archive files here.
var identity = AddService<Projects.MassWork_Identity>("identity")
    .WithEnvironment("AuditStore__ArchiveFolder", Path.Combine(dataFolder, "audit-archive"))
    .WithEnvironment("AuditStore__RetentionDays", builder.Configuration["AuditStore:RetentionDays"] ?? "180")
    .WithEnvironment("Identity__Issuer", gateway.GetEndpoint("http"))
    .WithEnvironment("Identity__SigningKey", secrets.IdentitySigningKey)
    .WithEnvironment("Identity__EncryptionKey", secrets.IdentityEncryptionKey)
    .WithIdentitySettings(builder.Configuration);
foreach (var service in new[] { personnel, visits, petitions, projects, notifications, gateway })
{
    // Services read the identity service's published keys by its name; they need not wait for it to start.
    service.WithReference(identity);
}

// Whoever accepts bearer tokens checks them against the identity service's keys and revoked list;
// the console does not (it signs its users in with cookies).
foreach (var service in new[] { personnel, visits, petitions, projects, notifications, identity, gateway })
{
    service.WithEnvironment("Auth__Authority", "http://identity");
}

foreach (var service in new[] { personnel, visits, petitions, projects, notifications, identity })
{
    gateway.WithReference(service).WaitFor(service);
}

var console = builder.AddConsole(gateway, buildConfiguration, secrets, environment, dataFolder);

// The deployment's city (its region register above is Ganzhou's, 3607): settings that name no city
// (SMS templates, petition categories, the holiday calendar) are changed only by a token covering it.
var platformRegion = builder.Configuration["Platform:Region"] ?? "3607";
foreach (var project in new[] { personnel, visits, petitions, projects, notifications, identity, gateway, console })
{
    project.WithEnvironment("Auth__PlatformRegion", platformRegion).WithTraceSampling(builder.Configuration);
}

// A test run puts the whole platform at an instant of its choosing (Development only; see ClockExtensions):
// the console judges token expiry on the same clock.
if (builder.Configuration["Clock:Offset"] is { Length: > 0 } clockOffset)
{
    foreach (var project in new[] { personnel, visits, petitions, projects, notifications, identity, gateway, console })
    {
        project.WithEnvironment("Clock__Offset", clockOffset);
    }
}

builder.Build().RunPlatform();
