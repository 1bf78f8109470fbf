using System.Net.Http.Json;
using MassWork.SmsSimulator;

// A stand-in for Aliyun SMS that is a real HTTP server: it checks signatures, takes messages,
// sometimes refuses, pushes receipts later and forwards handset replies. The AppHost runs it
// instead of a real provider; tests steer it through /simulator/….
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
builder.Services.AddSingleton(options);
builder.Services.AddSingleton<SimulatorState>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpClient();
builder.Services.AddHostedService<ReceiptPusher>();

var app = builder.Build();

app.MapGet("/health", () => Results.Text("Healthy"));
app.MapPost("/", AliyunApi.HandleAsync);

var simulator = app.MapGroup("/simulator");
simulator.MapPut("/accounts/{accessKeyId}/behaviour", (string accessKeyId, Behaviour behaviour, SimulatorState state) =>
{
    state.Behaviours[accessKeyId] = behaviour;
    return Results.Ok(behaviour);
});
simulator.MapGet("/messages", (SimulatorState state, string? phone) =>
    Results.Ok(phone is null
        ? state.ByPhone.Values.SelectMany(q => q).OrderBy(m => m.SentAt).ToList()
        : state.ByPhone.GetValueOrDefault(phone)?.ToList() ?? []));
simulator.MapGet("/stats", (SimulatorState state) => Results.Ok(new { accepted = Interlocked.Read(ref state.Accepted), calls = Interlocked.Read(ref state.Calls), pendingReceipts = state.Receipts.Count }));
simulator.MapPost("/replies", async (ReplyRequest reply, SimulatorOptions settings, IHttpClientFactory httpClients, TimeProvider time) =>
{
    var account = reply.Account ?? settings.Accounts.First().Name;
    var body = new[]
    {
        new
        {
            phone_number = reply.Phone,
            send_time = TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm:ss"),
            content = reply.Content,
            sign_name = "赣州群众工作",
            dest_code = "1234",
            sequence_id = Random.Shared.NextInt64(1, long.MaxValue),
        },
    };
    using var response = await httpClients.CreateClient().PostAsJsonAsync(
        $"{settings.CallbackUrl.TrimEnd('/')}/api/notifications/providers/{account}/replies?token={Uri.EscapeDataString(settings.CallbackToken)}", body);
    return Results.StatusCode((int)response.StatusCode);
});

app.Run();

internal sealed record ReplyRequest(string Phone, string Content, string? Account);
