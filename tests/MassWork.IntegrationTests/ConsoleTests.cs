using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using MassWork.IntegrationTests.Infrastructure;
using MassWork.Testing;
using MassWork.ServiceDefaults.Auth;
using Microsoft.Playwright;

namespace MassWork.IntegrationTests;

/// <summary>
/// The web console in headless Chromium (Debian's chromium driven by Playwright) through the gateway:
/// a staff member signs in with password and authenticator code on the identity service's pages,
/// lands on the supervision dashboard whose figures are the services' own, drills down a level, is
/// told when a region is outside their scope, and signs out. Screenshots are kept with the test results.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConsoleTests(PlatformFixture platform)
{
    private readonly IdentityApi _identity = new(platform);

    [Fact]
    public async Task Staff_sign_in_with_both_factors_see_their_regions_figures_as_the_services_give_them_and_sign_out()
    {
        var staff = await _identity.NewStaffAsync(Roles.TownStaff, PlatformFixture.Region);
        await using var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!);
        var page = browser.Page;

        // The console sends an unknown visitor to the identity service's sign-in page, through the same address.
        await SignInAsync(page, _identity, staff);
        Assert.StartsWith(platform.Gateway.BaseAddress!.ToString(), page.Url, StringComparison.Ordinal);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "章贡区 工作概况" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("测试干部")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("console-dashboard");

        // The figures are the services' own for the user's region, read with a token of the same role and region.
        var token = platform.Token(PlatformFixture.Region, Roles.TownStaff);
        var coverage = await GetAsync($"/api/personnel/coverage/{PlatformFixture.Region}000000", token);
        var visits = await GetAsync($"/api/visits/figures?region={PlatformFixture.Region}", token);
        var petitions = await GetAsync($"/api/petitions/figures?region={PlatformFixture.Region}", token);
        var projects = await GetAsync($"/api/projects/figures?region={PlatformFixture.Region}", token);
        Assert.Equal(Count(coverage.GetProperty("households")), await FigureAsync(page, "households"));
        Assert.Equal(Percent(coverage.GetProperty("coverageRate")), await FigureAsync(page, "coverage-rate"));
        Assert.Equal(Count(visits.GetProperty("total").GetProperty("contacts").GetProperty("required")), await FigureAsync(page, "contacts-required"));
        Assert.Equal(Count(petitions.GetProperty("total").GetProperty("counts").GetProperty("accepted")), await FigureAsync(page, "cases-accepted"));
        Assert.Equal(Percent(petitions.GetProperty("total").GetProperty("resolutionRate")), await FigureAsync(page, "resolution-rate"));
        Assert.Equal(Count(projects.GetProperty("total").GetProperty("projects")), await FigureAsync(page, "projects"));

        // Drill down to a town of the district and back up.
        var town = (await page.Locator("tr[data-area]").First.GetAttributeAsync("data-area"))!;
        await page.ClickAsync($"tr[data-area='{town}'] a");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"region={town}$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "返回上一级" })).ToBeVisibleAsync();

        // Another district: every service refuses, and the page says so in each panel.
        await page.GotoAsync($"/?region={PlatformFixture.OtherRegion}");
        await Assertions.Expect(page.GetByText("您的角色或所辖区域无权查看或办理此项。")).ToHaveCountAsync(4);
        await browser.ScreenshotAsync("console-refused");

        await page.ClickAsync("text=退出");
        await Assertions.Expect(page.GetByText("您已安全退出。")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("工作人员登录")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Village_staff_open_their_notice_board_and_print_it_on_A4()
    {
        const string village = "360702001201";
        var staff = await _identity.NewStaffAsync(Roles.VillageStaff, village);
        await using var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!);
        var page = browser.Page;
        await SignInAsync(page, _identity, staff);

        await page.ClickAsync("nav >> text=公示栏");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "和平社区 群众工作公示栏" })).ToBeVisibleAsync();
        var board = await GetAsync($"/api/personnel/notice-board/{village}", platform.Token(village, Roles.VillageStaff));
        Assert.Equal(Count(board.GetProperty("households")), await FigureAsync(page, "board-households"));
        Assert.Equal(Count(board.GetProperty("pairedHouseholds")), await FigureAsync(page, "board-paired"));
        await browser.ScreenshotAsync("console-notice-board");

        // Printed, the board stands alone: no menu, no sign-out, no screen hints; on A4 pages.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.mw-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mw-screen-only")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "和平社区 群众工作公示栏" })).ToBeVisibleAsync();
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true, Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "notice-board.pdf") });
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.StartsWith("%PDF-", text, StringComparison.Ordinal);
        // A4 is 595 × 842 points.
        Assert.Matches(@"/MediaBox\s*\[\s*0 0 595(\.\d+)? 841\.\d+|/MediaBox\s*\[\s*0 0 595(\.\d+)? 842", text);
    }

    [Fact]
    public async Task The_audit_log_is_the_audit_administrators_alone_with_field_errors_beside_the_field_and_its_chain_checked()
    {
        await using var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!);
        var page = browser.Page;

        // Town staff are told the page is not theirs.
        await SignInAsync(page, _identity, await _identity.NewStaffAsync(Roles.TownStaff, PlatformFixture.Region));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "审计日志" })).ToHaveCountAsync(0);
        await page.GotoAsync("/audit");
        await Assertions.Expect(page.GetByText("无权访问")).ToBeVisibleAsync();
        await page.ClickAsync("text=退出");
        await Assertions.Expect(page.GetByText("您已安全退出。")).ToBeVisibleAsync();

        // Only a security administrator grants the audit administrator's role (三员分立).
        var security = new IdentityApi(platform.Gateway, platform.Clock, platform.Token("3607", Roles.SecurityAdmin, "test-security-admin"));
        var auditor = await security.NewStaffAsync(Roles.AuditAdmin, "3607");
        await SignInAsync(page, security, auditor);
        await page.ClickAsync("nav >> text=审计日志");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审计日志" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.mw-table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("共 ")).ToBeVisibleAsync();
        await browser.ScreenshotAsync("console-audit");

        // A period that ends before it starts: the service's message beside the field, and no list.
        await page.FillAsync("input[name=from]", "2026-06-10");
        await page.FillAsync("input[name=to]", "2026-06-01");
        await page.ClickAsync("button:has-text('查询')");
        await Assertions.Expect(page.Locator("#error-to")).ToContainTextAsync("On or after 'from'.");
        await Assertions.Expect(page.Locator("table.mw-table")).ToHaveCountAsync(0);

        await page.ClickAsync("button:has-text('校验日志链')");
        await Assertions.Expect(page.GetByText("日志链完整")).ToBeVisibleAsync();
    }

    /// <summary>The identity service's pages, as the staff member fills them in: account, password, then the authenticator's code.</summary>
    private static async Task SignInAsync(IPage page, IdentityApi identity, StaffLogin staff)
    {
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByText("工作人员登录")).ToBeVisibleAsync();
        await page.FillAsync("#username", staff.UserName);
        await page.FillAsync("#password", staff.Password);
        await page.ClickAsync("button[type=submit]");
        await page.FillAsync("#code", await identity.Staff.NextCodeAsync(staff));
        await page.ClickAsync("button[value=code]");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "群众工作平台" })).ToBeVisibleAsync();
    }

    private async Task<JsonElement> GetAsync(string path, string token)
    {
        using var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Get, path, token));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> FigureAsync(IPage page, string name) => (await page.Locator($"[data-figure='{name}']").InnerTextAsync()).Trim();

    private static string Count(JsonElement n) => n.GetInt64().ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(JsonElement rate) =>
        rate.ValueKind == JsonValueKind.Null ? "—" : (rate.GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
