using MassWork.Identity;
using MassWork.Identity.Accounts;
using MassWork.Identity.Activation;
using MassWork.Identity.Audit;
using MassWork.Identity.Cadres;
using MassWork.Identity.Clients;
using MassWork.Identity.Sessions;
using MassWork.Identity.SignIn;
using MassWork.Identity.Tokens;
using MassWork.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDefaultOpenApi("MassWork Identity API (账号与登录)");
builder.AddServiceDatabase<AccountsDbContext>("identitydb");
builder.AddServiceMessaging<AccountsDbContext>("identity", bus =>
{
    // Every service's audit records, chained into the one log the audit administrator reads.
    bus.AddConsumer<AuditRecordedConsumer>(typeof(AuditRecordedConsumerDefinition));
});
builder.AddPersonalDataProtection();
builder.AddRequestValidation(typeof(Program).Assembly);
builder.AddStaffAccounts();
builder.AddTokenServer();

builder.Services.AddScoped<SignInService>();
builder.Services.AddScoped<AccountDisabling>();
// This service's own API checks revocations against its database rather than asking itself over HTTP.
builder.Services.AddScoped<LocalRevokedTokens>();
builder.Services.AddScoped<IRevokedTokenSource>(sp => sp.GetRequiredService<LocalRevokedTokens>());
builder.Services.AddHostedService<TokenPruning>();
builder.Services.AddHostedService<ClientRegistration>();
builder.Services.AddHostedService<FirstOperatorSetup>();
builder.Services.AddOptions<AuditStoreOptions>().Bind(builder.Configuration.GetSection(AuditStoreOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddHostedService<AuditArchiver>();

var app = builder.Build();

app.UseIssuerAddress();
app.UseServiceDefaults();
app.MapDefaultEndpoints();
app.MapDefaultOpenApi();

app.MapAuthorizeEndpoint();
app.MapTokenEndpoint();
app.MapEndSessionEndpoint();
app.MapRevokedTokensEndpoint();
app.MapActivationPages();
app.MapAccountEndpoints();
app.MapAuditEndpoints();
app.Run();
