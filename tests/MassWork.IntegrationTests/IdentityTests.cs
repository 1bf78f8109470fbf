using Microsoft.IdentityModel.JsonWebTokens;

namespace MassWork.IntegrationTests;

/// <summary>
/// Real sign-in through the gateway: staff with a password and an authenticator code (code flow
/// with PKCE, the HTML forms driven as a browser would), integrating systems with client
/// credentials; tokens the services accept through the identity service's published keys; and the
/// refusals — wrong password, wrong code, locked account, replayed refresh token, revoked session,
/// a token meant for another audience.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IdentityTests(PlatformFixture platform)
{
    private readonly IdentityApi _identity = new(platform);

    [Fact]
    public async Task The_identity_service_publishes_its_discovery_document_and_keys_through_the_gateway()
    {
        var discovery = await platform.Gateway.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(platform.Gateway.BaseAddress!.ToString(), discovery.GetProperty("issuer").GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));

        var keys = await platform.Gateway.GetFromJsonAsync<JsonElement>(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery);
        var key = Assert.Single(keys.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.False(key.TryGetProperty("d", out _), "the private exponent must never be published");
    }

    [Fact]
    public async Task Staff_sign_in_with_password_and_authenticator_code_and_services_accept_the_token()
    {
        var staff = await _identity.NewStaffAsync(Roles.TownStaff, PlatformFixture.Region);

        var tokens = await _identity.Staff.SignInAsync(staff);

        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal("RS256", access.Alg);
        Assert.Equal("at+jwt", access.Typ);
        Assert.Equal(platform.Gateway.BaseAddress!.ToString(), access.Issuer);
        Assert.Equal(["masswork"], access.Audiences);
        Assert.Equal(PlatformFixture.Region, access.GetClaim(MassWorkClaims.Region).Value);
        Assert.Equal(Roles.TownStaff, access.GetClaim(MassWorkClaims.Role).Value);
        Assert.Equal("测试干部", access.GetClaim(MassWorkClaims.Name).Value);
        Assert.NotNull(tokens.RefreshToken);

        using var response = await _identity.CallPersonnelAsync(tokens.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_account_a_wrong_password_and_a_locked_account_get_the_same_refusal()
    {
        var staff = await _identity.NewStaffAsync();
        var (form, _) = await _identity.Staff.StartSignInAsync();

        var nobody = IdentityApi.NewUserName("nobody");
        var unknown = await _identity.Staff.PasswordAsync(form, nobody, IdentityApi.StrongPassword);
        var wrong = await _identity.Staff.PasswordAsync(form, staff.UserName, "Wrong-password-1");

        foreach (var (status, page) in new[] { unknown, wrong })
        {
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("账号或密码不正确", page);
            Assert.DoesNotContain("name=\"challenge\"", page);
        }

        // Five failures in a row lock the account: then even the right password is refused, in the same words.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await _identity.Staff.PasswordAsync(form, staff.UserName, $"Wrong-password-{i}")).Status);
        }

        var locked = await _identity.Staff.PasswordAsync(form, staff.UserName, staff.Password);
        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Contains("账号或密码不正确", locked.Page);
        Assert.Equal(Strip(unknown.Page, nobody), Strip(locked.Page, staff.UserName));

        var account = await _identity.JsonAsync(HttpMethod.Get, $"/api/identity/accounts/{staff.AccountId}", _identity.Operator);
        Assert.True(account.GetProperty("locked").GetBoolean());
    }

    [Fact]
    public async Task A_wrong_authenticator_code_is_refused_and_a_used_code_does_not_work_twice()
    {
        var staff = await _identity.NewStaffAsync();
        var (form, verifier) = await _identity.Staff.StartSignInAsync();
        var (_, codePage) = await _identity.Staff.PasswordAsync(form, staff.UserName, staff.Password);
        Assert.Contains("name=\"challenge\"", codePage);

        var code = await _identity.Staff.NextCodeAsync(staff);
        using (var wrong = await _identity.Staff.CodeAsync(codePage, ((int.Parse(code) + 1) % 1_000_000).ToString("D6")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("验证码不正确", await wrong.Content.ReadAsStringAsync());
        }

        using (var right = await _identity.Staff.CodeAsync(codePage, code))
        {
            await _identity.Staff.ExchangeAsync(right, verifier);
        }

        // The same code again, in a new sign-in within its 30 seconds: refused (a code seen over a shoulder is worthless).
        var (next, _) = await _identity.Staff.StartSignInAsync();
        var (_, nextCodePage) = await _identity.Staff.PasswordAsync(next, staff.UserName, staff.Password);
        using var replayed = await _identity.Staff.CodeAsync(nextCodePage, code);
        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.Contains("验证码不正确", await replayed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Refresh_tokens_rotate_and_a_replayed_one_revokes_the_whole_session()
    {
        var tokens = await _identity.Staff.SignInAsync(await _identity.NewStaffAsync());

        var (status, body) = await _identity.Staff.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, status);
        var rotated = StaffBrowser.Tokens(body);
        Assert.NotEqual(tokens.RefreshToken, rotated.RefreshToken);
        using (var response = await _identity.CallPersonnelAsync(rotated.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Someone replays the first refresh token: refused, and the legitimate holder's newer one dies with it.
        var (replayStatus, replay) = await _identity.Staff.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, replayStatus);
        Assert.Equal("invalid_grant", replay.GetProperty("error").GetString());
        var (familyStatus, family) = await _identity.Staff.RefreshAsync(rotated.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, familyStatus);
        Assert.Equal("invalid_grant", family.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_revoked_refresh_token_and_a_logged_out_session_are_refused()
    {
        var staff = await _identity.NewStaffAsync();
        var revoked = await _identity.Staff.SignInAsync(staff);
        var (revokeStatus, _) = await _identity.Staff.PostFormAsync("/connect/revoke", new()
        {
            ["client_id"] = IdentityApi.ConsoleClient, ["token"] = revoked.RefreshToken!, ["token_type_hint"] = "refresh_token",
        });
        Assert.Equal(HttpStatusCode.OK, revokeStatus);
        Assert.Equal(HttpStatusCode.BadRequest, (await _identity.Staff.RefreshAsync(revoked.RefreshToken!)).Status);

        var loggedOut = await _identity.Staff.SignInAsync(staff);
        using (var before = await _identity.CallPersonnelAsync(loggedOut.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var logout = await _identity.Staff.Http.GetAsync($"/connect/logout?id_token_hint={loggedOut.IdToken}");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var (status, body) = await _identity.Staff.RefreshAsync(loggedOut.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.GetProperty("error").GetString());

        // The session's access token is still within its ten minutes, but the services learn of the revocation within seconds.
        await Eventually.HoldsAsync(async () =>
        {
            using var after = await _identity.CallPersonnelAsync(loggedOut.AccessToken);
            return after.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(20), "the logged-out session's access token refused by personnel");
    }

    [Fact]
    public async Task A_registered_cadre_is_invited_signs_in_with_an_SMS_code_and_loses_access_on_leaving()
    {
        var personnel = new PersonnelApi(platform);
        var phone = $"139{Random.Shared.Next(0, 100_000_000):D8}";
        var userId = $"cadre-{Guid.NewGuid():N}";
        var cadreId = await personnel.RegisterCadreAsync("钟晓燕", phone: phone, userId: userId);

        JsonElement account = default;
        await Eventually.HoldsAsync(async () =>
        {
            var page = await _identity.JsonAsync(HttpMethod.Get, $"/api/identity/accounts?cadreId={cadreId}", _identity.Operator);
            account = page.GetProperty("items").EnumerateArray().FirstOrDefault();
            return account.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(30), "an invitable account for the registered cadre");
        Assert.Equal("Invitable", account.GetProperty("status").GetString());
        Assert.Equal("钟晓燕", account.GetProperty("displayName").GetString());
        Assert.Equal("360702001", account.GetProperty("region").GetString());
        Assert.Equal(userId, account.GetProperty("subjectId").GetString());

        var staff = await _identity.ActivateAsync(account.GetProperty("id").GetGuid(), IdentityApi.NewUserName("zhong"), Roles.VillageStaff);
        var (form, verifier) = await _identity.Staff.StartSignInAsync();
        var (_, codePage) = await _identity.Staff.PasswordAsync(form, staff.UserName, staff.Password);
        var (smsStatus, smsPage) = await _identity.Staff.PostFormAsync("/connect/authorize", new(StaffBrowser.HiddenFields(codePage)) { ["step"] = "sms" });
        Assert.True(smsStatus == HttpStatusCode.OK, smsPage);
        Assert.Contains("短信发送", smsPage);

        string? code = null;
        await Eventually.HoldsAsync(async () =>
        {
            var sent = (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray()
                .FirstOrDefault(m => m.GetProperty("templateCode").GetString() == "sign-in-code");
            code = sent.ValueKind == JsonValueKind.Object ? System.Text.RegularExpressions.Regex.Match(sent.GetProperty("templateParam").GetString()!, "[0-9]{6}").Value : null;
            return code is { Length: 6 };
        }, TimeSpan.FromSeconds(30), "the sign-in code sent by SMS to the cadre's phone");

        // A colleague reading the number's SMS history sees that a code went, never the code.
        var history = await personnel.OkAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", platform.Token("360702001", Roles.TownStaff, "colleague"));
        var codeSms = Assert.Single(history.GetProperty("messages").EnumerateArray(), m => m.GetProperty("templateCode").GetString() == "sign-in-code");
        Assert.DoesNotContain(code!, codeSms.GetProperty("text").GetString());

        using var redirect = await _identity.Staff.CodeAsync(smsPage, code!);
        var tokens = await _identity.Staff.ExchangeAsync(redirect, verifier);
        var access = new JsonWebToken(tokens.AccessToken);
        Assert.Equal(userId, access.Subject);
        Assert.Equal(Roles.VillageStaff, access.GetClaim(MassWorkClaims.Role).Value);
        using (var response = await _identity.CallPersonnelAsync(tokens.AccessToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The cadre leaves (调离): the account is disabled, its session and tokens revoked.
        await personnel.OkAsync(HttpMethod.Post, $"/api/personnel/cadres/{cadreId}/retire", personnel.TownStaff, new { reason = "调回原单位" });
        await Eventually.HoldsAsync(async () =>
            (await _identity.JsonAsync(HttpMethod.Get, $"/api/identity/accounts/{staff.AccountId}", _identity.Operator)).GetProperty("status").GetString() == "Disabled",
            TimeSpan.FromSeconds(30), "the account disabled once the cadre left");
        Assert.Equal(HttpStatusCode.BadRequest, (await _identity.Staff.RefreshAsync(tokens.RefreshToken!)).Status);
        await Eventually.HoldsAsync(async () =>
        {
            using var after = await _identity.CallPersonnelAsync(tokens.AccessToken);
            return after.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(20), "the departed cadre's access token refused");
        var (_, passwordPage) = await _identity.Staff.PasswordAsync((await _identity.Staff.StartSignInAsync()).Form, staff.UserName, staff.Password);
        Assert.Contains("账号或密码不正确", passwordPage);
    }

    [Fact]
    public async Task An_active_account_invited_again_starts_over_and_its_sessions_end()
    {
        var staff = await _identity.NewStaffAsync();
        var tokens = await _identity.Staff.SignInAsync(staff);

        // Lost phone: the operator invites the account again.
        var again = await _identity.ActivateAsync(staff.AccountId, staff.UserName);

        Assert.Equal(HttpStatusCode.BadRequest, (await _identity.Staff.RefreshAsync(tokens.RefreshToken!)).Status);
        var (form, _) = await _identity.Staff.StartSignInAsync();
        var (_, codePage) = await _identity.Staff.PasswordAsync(form, staff.UserName, staff.Password);
        using (var oldPhone = await _identity.Staff.CodeAsync(codePage, new OtpNet.Totp(staff.Secret).ComputeTotp(platform.Clock.GetUtcNow().UtcDateTime)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, oldPhone.StatusCode);
        }

        var fresh = await _identity.Staff.SignInAsync(again);
        using var response = await _identity.CallPersonnelAsync(fresh.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_integrating_system_gets_a_token_with_client_credentials_that_services_accept()
    {
        var (status, body) = await _identity.Staff.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = PlatformFixture.HotlineClientId, ["client_secret"] = platform.HotlineClientSecret,
        });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        var token = StaffBrowser.Tokens(body);
        Assert.Null(token.RefreshToken);
        var access = new JsonWebToken(token.AccessToken);
        Assert.Equal($"client:{PlatformFixture.HotlineClientId}", access.Subject);
        Assert.Equal(Roles.CountyDepartment, access.GetClaim(MassWorkClaims.Role).Value);
        Assert.Equal(PlatformFixture.Region, access.GetClaim(MassWorkClaims.Region).Value);

        using var response = await _identity.CallPersonnelAsync(token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var (wrongStatus, wrong) = await _identity.Staff.TokenAsync(new()
        {
            ["grant_type"] = "client_credentials", ["client_id"] = PlatformFixture.HotlineClientId, ["client_secret"] = "not-the-secret-of-this-client",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongStatus);
        Assert.Equal("invalid_client", wrong.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused_by_the_services()
    {
        var tokens = await _identity.Staff.SignInAsync(await _identity.NewStaffAsync());
        var identityToken = new JsonWebToken(tokens.IdToken!);
        Assert.Equal([IdentityApi.ConsoleClient], identityToken.Audiences);

        using var response = await _identity.CallPersonnelAsync(tokens.IdToken!);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>The page without the login name it echoes: what is left must not differ between accounts.</summary>
    private static string Strip(string page, string userName) => page.Replace($"value=\"{userName}\"", "value=\"\"");
}
