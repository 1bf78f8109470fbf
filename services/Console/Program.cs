using MassWork.Console;
using AntDesign;
using MassWork.Console.Components;
using MassWork.Console.Dashboard;
using MassWork.Console.Gateway;
using MassWork.Console.SignIn;

var builder = WebApplication.CreateBuilder(args);

builder.AddBasicServiceDefaults();
builder.AddConsoleSignIn();
builder.AddGatewayClient();
builder.Services.AddScoped<DashboardData>();
// Pages are rendered on the server and sent whole (static server rendering): a page needs no live
// connection to work, forms are plain posts a weak village connection can retry, and the first page is small.
builder.Services.AddRazorComponents();
builder.Services.AddAntDesign();
builder.Services.AddCascadingAuthenticationState();

var app = builder.Build();

app.UseConsoleHeaders();
app.UseServiceDefaults();
app.UseAntiforgery();
app.MapDefaultEndpoints();
app.MapStaticAssets().AllowAnonymous();
app.MapConsoleSignIn();
app.MapRazorComponents<App>();

app.Run();
