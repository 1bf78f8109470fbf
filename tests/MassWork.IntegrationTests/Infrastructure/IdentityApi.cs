namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>
/// Staff accounts through the gateway, made by an operator and activated by their owner, and the
/// staff pages driven as the console's browser drives them (<see cref="Staff"/>).
/// </summary>
public sealed class IdentityApi(HttpClient gateway, TimeProvider clock, string operatorToken)
{
    public const string ConsoleClient = StaffBrowser.ConsoleClient;
    public const string StrongPassword = "Ganzhou2024Tea";

    private static int _next = Random.Shared.Next(0, 100_000);

    /// <summary>On the tests' platform: its clock, and an operator's development token for the whole city.</summary>
    public IdentityApi(PlatformFixture platform)
        : this(platform.Gateway, platform.Clock, platform.Token("3607", Roles.Operator, "test-operator"))
    {
    }

    /// <summary>The staff pages in a browser that keeps no cookies and follows no redirect, so each step's answer can be read.</summary>
    public StaffBrowser Staff { get; } = new(
        new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) },
        new Uri(gateway.BaseAddress!, "console/signed-in").ToString(), clock);

    /// <summary>The token account administration is done with.</summary>
    public string Operator { get; set; } = operatorToken;

    public static string NewUserName(string prefix = "staff") => $"{prefix}{Interlocked.Increment(ref _next)}";

    /// <summary>An account created by an operator, invited and activated: ready to sign in.</summary>
    public async Task<StaffLogin> NewStaffAsync(string role = Roles.TownStaff, string region = PlatformFixture.Region)
    {
        var userName = NewUserName();
        var created = await JsonAsync(HttpMethod.Post, "/api/identity/accounts", Operator, new { userName, displayName = "测试干部", role, region }, HttpStatusCode.Created);
        return await ActivateAsync(created.GetProperty("id").GetGuid(), userName, role);
    }

    /// <summary>Invites the account and activates it as its owner would, through the activation page.</summary>
    public async Task<StaffLogin> ActivateAsync(Guid accountId, string userName, string role = Roles.TownStaff)
    {
        var invitation = await JsonAsync(HttpMethod.Post, $"/api/identity/accounts/{accountId}/invitation", Operator, new { userName, role });
        return await Staff.ActivateAsync(accountId, userName, invitation.GetProperty("invitationCode").GetString()!, StrongPassword);
    }

    /// <summary>A GET of a personnel endpoint with the token: what a service makes of it.</summary>
    public async Task<HttpResponseMessage> CallPersonnelAsync(string token) =>
        await gateway.SendAsync(Request(HttpMethod.Get, "/api/personnel/cadres?pageSize=1", token));

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string token, object? body = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await gateway.SendAsync(Request(method, path, token, body is null ? null : JsonContent.Create(body)));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{method} {path}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return request;
    }
}
