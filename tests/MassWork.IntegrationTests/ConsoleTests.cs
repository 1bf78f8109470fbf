using System.Globalization;
using MassWork.Testing;
using Microsoft.Playwright;

namespace MassWork.IntegrationTests;

/// <summary>
/// The web console in headless Chromium (Debian's chromium driven by Playwright) through the gateway:
/// a staff member signs in with password and authenticator code on the identity service's pages,
/// lands on the supervision dashboard whose figures are the services' own, drills down a level, is
/// told when a region is outside their scope, and signs out. Screenshots are kept with the test results.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConsoleTests(PlatformFixture platform) : IAsyncLifetime
{
    private const string ConsolePolicy = "default-src 'self'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    private readonly IdentityApi _identity = new(platform);

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The console's own log, kept beside the screenshots: what it did for the test's pages, and any error it met.</summary>
    public async Task DisposeAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "console.log"), (await platform.ConsoleLogAsync("console")).TakeLast(2000));
    }

    [Fact]
    public async Task Staff_sign_in_with_both_factors_see_their_regions_figures_as_the_services_give_them_and_sign_out()
    {
        // The console sends an unknown visitor to the identity service's sign-in page, through the same address.
        await using var browser = await SignedInAsync(Roles.TownStaff, PlatformFixture.Region);
        var page = browser.Page;
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

        // The console's pages bring their own policy: no script at all, nothing from elsewhere, never framed.
        var reloaded = await page.ReloadAsync();
        Assert.Equal(ConsolePolicy, reloaded!.Headers["content-security-policy"]);

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
        await using var browser = await SignedInAsync(Roles.VillageStaff, village);
        var page = browser.Page;

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
        // A4 is 595 × 842 points (Chromium writes 594.96 × 841.92).
        Assert.Matches(@"/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]", text);
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

    [Fact]
    public async Task A_case_goes_from_intake_to_closure_through_the_buttons_the_service_offers()
    {
        // A retired category is not offered for a new case.
        var personnel = new PersonnelApi(platform);
        var retired = $"retired-{Guid.NewGuid():N}"[..20];
        await personnel.OkAsync(HttpMethod.Put, $"/api/petitions/categories/{retired}", personnel.Operator, new { name = "已停用类别", group = "其他", active = false });
        await using var browser = await SignedInAsync(Roles.TownStaff, PlatformFixture.Region);
        var page = browser.Page;

        await page.ClickAsync("nav >> text=诉求");
        await page.ClickAsync("text=登记诉求");
        await Assertions.Expect(page.Locator($"select[name='Intake.CategoryCode'] option[value='{retired}']")).ToHaveCountAsync(0);
        await page.SelectOptionAsync("select[name='Intake.Channel']", "WalkIn");
        await page.SelectOptionAsync("select[name='Intake.MatterType']", "Request");
        await page.SelectOptionAsync("select[name='Intake.CategoryCode']", new SelectOptionValue { Index = 1 });
        await page.FillAsync("input[name='Intake.RegionCode']", "360702001201");
        await page.FillAsync("input[name='Intake.Name']", "刘桂英");
        await page.FillAsync("input[name='Intake.Phone']", Households.NewPhone());
        await page.FillAsync("textarea[name='Intake.Content']", "村口路灯坏了三个月，晚上出行不便。");
        await page.ClickAsync("button:has-text('登记')");
        await ExpectStatusAsync(page, "已登记");
        var number = (await page.Locator("[data-case-number]").InnerTextAsync()).Trim();
        await browser.ScreenshotAsync("console-case-registered");

        // Only the steps the service offers are buttons: a registered case is routed, not yet accepted.
        await Assertions.Expect(page.Locator("summary", new() { HasText = "受理" })).ToHaveCountAsync(0);
        await StepAsync(page, "转送交办", async form => await form.Locator("select[name='Form.Holder']").SelectOptionAsync(new SelectOptionValue { Index = 1 }));
        await ExpectStatusAsync(page, "已转送交办");
        await StepAsync(page, "受理");
        await ExpectStatusAsync(page, "已受理");

        // An answer without its written opinion: the service's message beside the field, and the case as it was.
        await StepAsync(page, "答复", async form => await form.Locator("select[name='Form.Outcome']").SelectOptionAsync("Supported"));
        await Assertions.Expect(page.Locator("details[open] .mw-field-error")).ToBeVisibleAsync();
        await ExpectStatusAsync(page, "已受理");
        await browser.ScreenshotAsync("console-case-field-error");

        await StepAsync(page, "答复", async form =>
        {
            await form.Locator("select[name='Form.Outcome']").SelectOptionAsync("Supported");
            await form.Locator("textarea[name='Form.Opinion']").FillAsync("已更换路灯，恢复照明。");
        });
        await ExpectStatusAsync(page, "已答复");
        await StepAsync(page, "回访", async form => await form.Locator("select[name='Form.Satisfaction']").SelectOptionAsync("Satisfied"));
        await ExpectStatusAsync(page, "已办结");
        await Assertions.Expect(page.Locator("[data-history] tbody tr")).ToHaveCountAsync(5);
        await browser.ScreenshotAsync("console-case-closed");

        // The case's way is the petitions service's own record.
        var cases = await GetAsync($"/api/petitions/ledger?region=360702001201&status=Closed&pageSize=100", platform.Token(PlatformFixture.Region, Roles.TownStaff));
        var line = Assert.Single(cases.GetProperty("lines").EnumerateArray(), l => l.GetProperty("number").GetString() == number);
        Assert.Equal("Satisfied", line.GetProperty("satisfaction").GetString());

        await page.ClickAsync("text=返回诉求列表");
        await Assertions.Expect(page.Locator($"tr[data-case='{number}']")).ToBeVisibleAsync();

        // A page number that is not one: the service's refusal, shown, never an error page.
        var bad = await page.GotoAsync("/cases?page=abc");
        Assert.Equal(200, bad!.Status);
        await Assertions.Expect(page.GetByText("请检查填写的内容。")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_cadre_on_a_phone_sees_whom_they_owe_a_visit_and_records_one_with_a_photo()
    {
        // A cadre of 和平社区's town with a login, paired with a household; their account activated as a work team member.
        const string village = "360702001201";
        var personnel = new PersonnelApi(platform);
        var userName = IdentityApi.NewUserName("cadre");
        var cadre = await personnel.RegisterCadreAsync("叶志明", userId: userName, phone: Households.NewPhone());
        var household = await personnel.RegisterHouseholdAsync(village, "钟秀兰");
        await personnel.CreatedAsync("/api/personnel/pairings", personnel.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        Guid account = default;
        await Eventually.HoldsAsync(async () =>
        {
            var accounts = await _identity.JsonAsync(HttpMethod.Get, $"/api/identity/accounts?cadreId={cadre}", _identity.Operator);
            var items = accounts.GetProperty("items");
            account = items.GetArrayLength() == 1 ? items[0].GetProperty("id").GetGuid() : default;
            return account != default;
        }, TimeSpan.FromSeconds(30), "the cadre's account");
        var staff = await _identity.ActivateAsync(account, userName, Roles.WorkTeam);
        await Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb",
                "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.cadre_id = @c", ("c", cadre)) == 1,
            TimeSpan.FromSeconds(30), "the visits read model: the pairing, household and cadre");

        await using var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!, width: 390, height: 844);
        var page = browser.Page;
        await SignInAsync(page, _identity, staff);
        await page.ClickAsync("nav >> text=走访");
        var line = page.Locator($"tr[data-household='{household}']");
        await Assertions.Expect(line.Locator("[data-standing]")).ToContainTextAsync("未完成");
        // On a phone each household is a card as wide as the screen: nothing to scroll sideways.
        Assert.True((await page.Locator("table[data-due]").BoundingBoxAsync())!.Width <= 390);
        await browser.ScreenshotAsync("console-visits-due-phone");

        await line.Locator("text=记录走访").ClickAsync();
        await Assertions.Expect(page.Locator("[data-visit-household]")).ToContainTextAsync("钟秀兰");
        // The form fits the phone's width: nothing to scroll sideways.
        Assert.True((await page.Locator("form.mw-visit-form").BoundingBoxAsync())!.Width <= 390);
        await page.FillAsync("textarea[name='Entry.Notes']", "老人医保电子凭证未激活，已现场协助激活。");
        await page.FillAsync("textarea[name='Entry.PolicyTopics']", "城乡居民医保缴费政策\n高龄津贴申领");
        var photo = TestPhotos.Jpeg(platform.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)));
        await page.SetInputFilesAsync("input[name=photos]", new FilePayload { Name = "IMG_0412.JPG", MimeType = "image/jpeg", Buffer = photo });
        await browser.ScreenshotAsync("console-visit-entry-phone");
        await page.ClickAsync("button:has-text('保存走访')");
        await Assertions.Expect(page.Locator("[data-visit-saved]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-photos] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-photos] tbody tr")).ToContainTextAsync("IMG_0412.JPG");
        await browser.ScreenshotAsync("console-visit-phone");

        // The visit is the visits service's own record, with the cadre, the photo and the two policies.
        var token = platform.Token(village, Roles.VillageStaff);
        var visits = await GetAsync($"/api/visits/visits?household={household}", token);
        var visit = Assert.Single(visits.GetProperty("visits").EnumerateArray());
        Assert.Equal(cadre, Assert.Single(visit.GetProperty("cadres").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(["城乡居民医保缴费政策", "高龄津贴申领"], visit.GetProperty("policyTopics").EnumerateArray().Select(t => t.GetString()));
        var photos = await GetAsync($"/api/visits/visits/{visit.GetProperty("id").GetGuid()}/photos", token);
        Assert.Equal(1, photos.GetProperty("total").GetInt32());

        await page.ClickAsync("text=返回走访进度");
        await Assertions.Expect(line.Locator("[data-done]")).ToContainTextAsync("1");

        // The evening's diary entry (民情日记), written on the same phone, is the cadre's own.
        await page.ClickAsync("text=民情日记");
        await page.FillAsync("textarea[name='Entry.Text']", "走访钟秀兰家，协助激活医保电子凭证。");
        await page.ClickAsync("button:has-text('保存日记')");
        await Assertions.Expect(page.Locator("[data-diary]")).ToContainTextAsync("走访钟秀兰家，协助激活医保电子凭证。");
        var diary = await GetAsync($"/api/visits/diary?cadre={cadre}", platform.Token(village[..9], Roles.TownStaff));
        Assert.Equal("叶志明", Assert.Single(diary.GetProperty("entries").EnumerateArray()).GetProperty("cadreName").GetString());

        // The village's ledger of demands and its meetings, as the visits service keeps them.
        await page.GotoAsync($"/visits/village?village={village}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "民情台账（走访中收集的诉求）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".ant-alert")).ToHaveCountAsync(0);

        // The quarter's 民情分析联席会, entered on the same page: a follow-up due before the meeting is refused beside its row.
        var today = DateOnly.FromDateTime(platform.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        const string held = "SELECT count(*) FROM analysis_meetings WHERE village_code = @v";
        var before = await platform.CountAsync("visitsdb", held, ("v", village));
        var form = page.Locator("form[data-meeting-form]");
        await page.ClickAsync("summary:has-text('记录联席会')");
        await form.Locator($"input[name=attendee][value='{cadre}']").CheckAsync();
        await form.Locator("textarea[name=decisions]").FillAsync("由村委会协调修复村口便桥\n下季度复查医保电子凭证激活情况");
        var row = form.Locator("[data-follow-up='0']");
        await row.Locator("input[name=followUpTask]").FillAsync("联系镇交通办勘察便桥");
        await row.Locator("select[name=followUpOwner]").SelectOptionAsync(cadre.ToString());
        await row.Locator("input[name=followUpDue]").FillAsync(today.AddDays(-1).ToString("yyyy-MM-dd"));
        await form.Locator("button:has-text('保存联席会')").ClickAsync();
        await Assertions.Expect(page.Locator("[data-follow-up='0'] .mw-field-error")).ToBeVisibleAsync();
        Assert.Equal(before, await platform.CountAsync("visitsdb", held, ("v", village)));

        // What was typed is still there; the date mended, the meeting is recorded once and listed.
        await Assertions.Expect(row.Locator("input[name=followUpTask]")).ToHaveValueAsync("联系镇交通办勘察便桥");
        await row.Locator("input[name=followUpDue]").FillAsync(today.AddDays(14).ToString("yyyy-MM-dd"));
        await form.Locator("button:has-text('保存联席会')").ClickAsync();
        await Assertions.Expect(page.Locator("[data-meetings]")).ToContainTextAsync("由村委会协调修复村口便桥");
        await Assertions.Expect(page.Locator("[data-meetings]")).ToContainTextAsync("联系镇交通办勘察便桥（叶志明");
        await browser.ScreenshotAsync("console-meeting-phone");
        Assert.Equal(before + 1, await platform.CountAsync("visitsdb", held, ("v", village)));
        var meetings = await GetAsync($"/api/visits/meetings?village={village}", token);
        var meeting = meetings.GetProperty("meetings").EnumerateArray().Single(m => m.GetProperty("decisions")[0].GetString() == "由村委会协调修复村口便桥");
        Assert.Equal(cadre, Assert.Single(meeting.GetProperty("followUps").EnumerateArray()).GetProperty("owner").GetProperty("id").GetGuid());
        Assert.Equal(2, meeting.GetProperty("decisions").GetArrayLength());
    }

    [Fact]
    public async Task A_town_leader_draws_a_phone_spot_check_and_records_each_answer_against_the_version_shown()
    {
        // Two households of a village of their own, each visited today by its paired cadre.
        var personnel = new PersonnelApi(platform);
        var village = await personnel.NewVillageAsync();
        var cadre = await personnel.RegisterCadreAsync("宋明辉", phone: Households.NewPhone());
        var households = new[] { await personnel.RegisterHouseholdAsync(village, "刘桂英"), await personnel.RegisterHouseholdAsync(village, "赖福生") };
        foreach (var household in households)
        {
            await personnel.CreatedAsync("/api/personnel/pairings", personnel.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        }

        await Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb",
                "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.cadre_id = @c", ("c", cadre)) == 2,
            TimeSpan.FromSeconds(30), "the visits read model: both pairings, their households and cadre");
        var town = platform.Token(village[..9], Roles.TownStaff, "town-clerk");
        foreach (var household in households)
        {
            await personnel.CreatedAsync("/api/visits/visits", town, new
            {
                clientId = Guid.NewGuid().ToString(), visitedAt = platform.Clock.GetUtcNow(), mode = "Home", cadreIds = new[] { cadre }, householdIds = new[] { household },
            });
        }

        await using var browser = await SignedInAsync(Roles.Leader, village[..9]);
        var page = browser.Page;
        await page.ClickAsync("nav >> text=抽查");
        await page.FillAsync("input[name='Draw.Region']", village);
        await page.FillAsync("input[name='Draw.SampleSize']", "2");
        await page.ClickAsync("button:has-text('抽取样本')");
        await Assertions.Expect(page.Locator("tr[data-call]")).ToHaveCountAsync(2);
        Assert.Equal("2", await FigureAsync(page, "pending"));
        await browser.ScreenshotAsync("console-spot-check");

        // The first household confirms the visit, names its cadre and is satisfied.
        var first = page.Locator("tr[data-call='1']");
        await first.Locator("summary:has-text('记录回访')").ClickAsync();
        await first.Locator("select[name='Form.Visited']").SelectOptionAsync("true");
        await first.Locator("select[name='Form.NamedCadre']").SelectOptionAsync(new SelectOptionValue { Label = "宋明辉" });
        await first.Locator("select[name='Form.Satisfied']").SelectOptionAsync("true");
        await first.Locator("button:has-text('保存回访')").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-call='1'] [data-outcome]")).ToHaveTextAsync("确认已走访");
        Assert.Equal(("1", "1", "100.0%"), (await FigureAsync(page, "passed"), await FigureAsync(page, "pending"), await FigureAsync(page, "pass-rate")));
        var id = page.Url.Split('/')[^1];
        var leader = platform.Token(village[..9], Roles.Leader, "town-leader");
        var stored = await GetAsync($"/api/visits/spot-checks/{id}", leader);
        var answered = stored.GetProperty("calls")[0];
        Assert.Equal(("Passed", cadre, true), (answered.GetProperty("outcome").GetString(), answered.GetProperty("namedCadreId").GetGuid(), answered.GetProperty("satisfied").GetBoolean()));

        // Another supervisor records the second call meanwhile: this page's answer, made against the version it showed, is refused and changes nothing.
        var second = stored.GetProperty("calls")[1];
        using (var meanwhile = await personnel.SendAsync(HttpMethod.Post, $"/api/visits/spot-checks/{id}/calls/{second.GetProperty("id").GetGuid()}/answer", leader,
            JsonContent.Create(new { reached = false }), r => r.Headers.TryAddWithoutValidation("If-Match", second.GetProperty("eTag").GetString())))
        {
            Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        }

        var row = page.Locator("tr[data-call='2']");
        await row.Locator("summary:has-text('记录回访')").ClickAsync();
        await row.Locator("select[name='Form.Visited']").SelectOptionAsync("false");
        await row.Locator("button:has-text('保存回访')").ClickAsync();
        await Assertions.Expect(page.Locator(".ant-alert")).ToContainTextAsync("已被他人更新");
        var after = (await GetAsync($"/api/visits/spot-checks/{id}", leader)).GetProperty("calls")[1];
        Assert.Equal(("Unreached", 1), (after.GetProperty("outcome").GetString(), after.GetProperty("attempts").GetInt32()));
    }

    [Fact]
    public async Task An_operator_adds_an_SMS_template_with_field_errors_beside_the_fields_and_town_staff_only_read_it()
    {
        var code = $"fire-notice-{Guid.NewGuid():N}"[..28];
        var operatorToken = platform.Token("3607", Roles.Operator, "city-operator");
        async Task<JsonElement?> StoredAsync() =>
            (await GetAsync("/api/notifications/templates", operatorToken)).EnumerateArray().Cast<JsonElement?>().FirstOrDefault(t => t!.Value.GetProperty("code").GetString() == code);

        await using (var browser = await SignedInAsync(Roles.Operator, "3607"))
        {
            var page = browser.Page;
            await page.GotoAsync("/sms/templates");
            await page.ClickAsync("a:has-text('新增模板')");
            var form = page.Locator("form[data-template-form='new']");
            await form.Locator("input[name='Form.Code']").FillAsync(code);
            await form.Locator("input[name='Form.Name']").FillAsync("秋冬季防火提醒");
            await form.Locator("input[name='Form.Signature']").FillAsync("赣");
            await form.Locator("textarea[name='Form.Text']").FillAsync("${name}您好：秋冬季节天干物燥，请注意用火安全。");
            await form.Locator("select[name='Form.Kind']").SelectOptionAsync("Broadcast");
            await form.Locator("textarea[name='Form.ProviderCodes']").FillAsync("aliyun=SMS_480213377");
            await form.Locator("button:has-text('保存模板')").ClickAsync();

            // A one-character signature is refused beside its field; what was typed stays, and nothing is stored.
            await Assertions.Expect(form.Locator("#error-signature")).ToBeVisibleAsync();
            await Assertions.Expect(form.Locator("input[name='Form.Name']")).ToHaveValueAsync("秋冬季防火提醒");
            Assert.Null(await StoredAsync());

            await form.Locator("input[name='Form.Signature']").FillAsync("赣州市章贡区");
            await form.Locator("button:has-text('保存模板')").ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-template='{code}'] [data-text]")).ToHaveTextAsync("【赣州市章贡区】${name}您好：秋冬季节天干物燥，请注意用火安全。");
            await Assertions.Expect(page.GetByText("已保存模板“秋冬季防火提醒”。")).ToBeVisibleAsync();
            await browser.ScreenshotAsync("console-sms-templates");

            // Each template has its own page to change it, filled with what is stored.
            await page.ClickAsync($"tr[data-template='{code}'] a:has-text('修改')");
            var edit = page.Locator($"form[data-template-form='{code}']");
            await Assertions.Expect(edit.Locator("textarea[name='Form.ProviderCodes']")).ToHaveValueAsync("aliyun=SMS_480213377");
            await edit.Locator("input[name='Form.Name']").FillAsync("冬季防火提醒");
            await edit.Locator("button:has-text('保存模板')").ClickAsync();
            await Assertions.Expect(page.Locator($"tr[data-template='{code}']")).ToContainTextAsync("冬季防火提醒");
        }

        var stored = (await StoredAsync())!.Value;
        Assert.Equal(("Broadcast", "SMS_480213377"), (stored.GetProperty("kind").GetString(), stored.GetProperty("providerCodes").GetProperty("aliyun").GetString()));

        // Town staff read the city's templates; no form offers them a change the service would refuse.
        await using var town = await SignedInAsync(Roles.TownStaff, PlatformFixture.Region);
        await town.Page.GotoAsync("/sms/templates");
        await Assertions.Expect(town.Page.Locator($"tr[data-template='{code}']")).ToBeVisibleAsync();
        await Assertions.Expect(town.Page.Locator("a:has-text('修改'), a:has-text('新增模板')")).ToHaveCountAsync(0);
        await town.Page.GotoAsync($"/sms/templates/{code}/edit");
        await Assertions.Expect(town.Page.Locator("form[data-template-form]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_project_shows_its_stage_money_by_source_and_ledger_as_the_projects_service_keeps_them()
    {
        var projects = new ProjectsApi(platform);
        var (id, village) = await projects.UnderWayAsync(3_000_000);
        await using var browser = await SignedInAsync(Roles.TownStaff, village[..9]);
        var page = browser.Page;

        await page.ClickAsync("nav >> text=项目");
        await page.SelectOptionAsync("select[name=stage]", "UnderWay");
        await page.ClickAsync("button:has-text('筛选')");
        var row = page.Locator($"tr[data-project='{id}']");
        await Assertions.Expect(row.Locator("[data-stage]")).ToHaveTextAsync("实施中");
        await row.Locator("a").ClickAsync();

        await Assertions.Expect(page.Locator("[data-project-stage]")).ToHaveTextAsync("实施中");
        var cityFund = page.Locator("tr[data-source='CityFund']");
        await Assertions.Expect(cityFund).ToContainTextAsync("市三送资金");
        await Assertions.Expect(cityFund.Locator("td").Nth(2)).ToHaveTextAsync("3 万元");
        var ledger = await projects.LedgerAsync(id, projects.Town(village));
        await Assertions.Expect(page.Locator("[data-ledger] tbody tr")).ToHaveCountAsync(ledger.GetProperty("entries").GetArrayLength());
        var project = await projects.Http.OkAsync(HttpMethod.Get, $"/api/projects/{id}", projects.Town(village));
        await Assertions.Expect(page.Locator("[data-history] tbody tr")).ToHaveCountAsync(project.GetProperty("history").GetArrayLength());
        await browser.ScreenshotAsync("console-project");
    }

    [Fact]
    public async Task A_county_department_opens_on_its_own_queue_and_signs_for_a_case_escalated_to_it()
    {
        var petitions = new PetitionsApi(platform);
        var staff = await _identity.NewStaffAsync(Roles.CountyDepartment, PlatformFixture.Region);
        var code = $"360702-RSJ-{Guid.NewGuid():N}"[..20];
        var name = $"章贡区人社局{code[^4..]}";
        await petitions.Personnel.OkAsync(HttpMethod.Put, $"/api/petitions/departments/{code}", platform.Token("3607", Roles.Operator, "op"),
            new { name, regionCode = PlatformFixture.Region, staffUserIds = new[] { staff.AccountId.ToString() } });
        var (id, village, _) = await petitions.AcceptedCaseAsync();
        await petitions.StepAsync(id, "escalate", petitions.Town(village), new { departmentCode = code, reason = "涉及社保待遇核定，需区人社局办理" });

        await using var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!);
        var page = browser.Page;
        await SignInAsync(page, _identity, staff);
        await page.ClickAsync("nav >> text=诉求");
        await Assertions.Expect(page.Locator("select[name=department] option[selected]")).ToHaveTextAsync(name);
        var line = page.Locator($"tr[data-case] a[href='/cases/{id}']");
        await Assertions.Expect(line).ToBeVisibleAsync();
        await browser.ScreenshotAsync("console-department-queue");

        await line.ClickAsync();
        await ExpectStatusAsync(page, "待部门签收");
        await StepAsync(page, "签收");
        await ExpectStatusAsync(page, "办理中");
        Assert.Equal("InProgress", (await petitions.GetAsync(id, petitions.County())).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_household_found_by_its_phone_shows_its_pairings_visits_cases_and_projects_on_one_timeline()
    {
        var petitions = new PetitionsApi(platform);
        var personnel = petitions.Personnel;
        var village = await personnel.NewVillageAsync();
        var phone = Households.NewPhone();
        var household = await personnel.RegisterHouseholdAsync(village, "赖桂香", phone: phone);
        var cadre = await personnel.RegisterCadreAsync("钟文华", phone: Households.NewPhone());
        await personnel.CreatedAsync("/api/personnel/pairings", personnel.TownStaff, new { cadreId = cadre, householdId = household, kind = "FullCoverage" });
        await Eventually.HoldsAsync(async () => await platform.CountAsync("visitsdb",
                "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.household_id = @h", ("h", household)) == 1,
            TimeSpan.FromSeconds(30), "the visits read model: the pairing, household and cadre");
        var town = petitions.Town(village);
        await personnel.CreatedAsync("/api/visits/visits", town, new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = platform.Clock.GetUtcNow(), mode = "Home", cadreIds = new[] { cadre }, householdIds = new[] { household },
            notes = "了解到村口便桥垮塌",
        });
        await Eventually.HoldsAsync(async () => await platform.CountAsync("petitionsdb", "SELECT count(*) FROM households WHERE id = @h", ("h", household)) == 1,
            TimeSpan.FromSeconds(30), "the petitions read model: the household");
        var registered = await petitions.RequestCase(household, town);
        await personnel.CreatedAsync("/api/projects", town, new
        {
            title = "村口便桥重建", category = "Road", regionCode = village, proposer = "VillageCommittee", estimatedCostFen = 3_000_000,
            linkedDemandIds = new[] { Guid.NewGuid() }, beneficiaryHouseholdIds = new[] { household },
        });

        await using var browser = await SignedInAsync(Roles.TownStaff, village[..9]);
        var page = browser.Page;
        await page.ClickAsync("nav >> text=住户");
        await page.FillAsync("input[name='Search.Phone']", phone);
        await page.ClickAsync("button:has-text('查询')");
        // Searched by a post: the full number is not in the address.
        Assert.DoesNotContain(phone, page.Url, StringComparison.Ordinal);
        await page.ClickAsync($"tr[data-household='{household}'] a");

        await Assertions.Expect(page.Locator("[data-household-head]")).ToHaveTextAsync("赖桂香 户");
        // Personal data masked as personnel gives it.
        await Assertions.Expect(page.Locator("[data-members]")).Not.ToContainTextAsync(phone);
        var timeline = page.Locator("[data-timeline]");
        await Assertions.Expect(timeline.Locator("li[data-kind='结对']")).ToContainTextAsync("与钟文华结对");
        await Assertions.Expect(timeline.Locator("li[data-kind='走访']")).ToContainTextAsync("了解到村口便桥垮塌");
        await Assertions.Expect(timeline.Locator("li[data-kind='诉求']")).ToContainTextAsync(registered.GetProperty("number").GetString()!);
        await Assertions.Expect(timeline.Locator("li[data-kind='项目']")).ToContainTextAsync("村口便桥重建");
        await Assertions.Expect(page.Locator("[data-missing]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("console-household");

        await timeline.Locator("li[data-kind='诉求'] a").ClickAsync();
        await ExpectStatusAsync(page, "已登记");
    }

    [Fact]
    public async Task Town_staff_see_a_villages_coverage_gaps_and_pair_them_by_reviewing_and_applying_an_auto_assignment()
    {
        var personnel = new PersonnelApi(platform);
        var village = await personnel.NewVillageAsync();
        var team = await personnel.CreateTeamAsync(village, await personnel.CreateUnitAsync("赣州市水利局"));
        var resident = await personnel.RegisterCadreAsync("刘建军", phone: Households.NewPhone());
        await personnel.AddMemberAsync(team, resident, "Resident");
        var households = new[] { await personnel.RegisterHouseholdAsync(village, "赖桂香"), await personnel.RegisterHouseholdAsync(village, "曾凡英") };

        await using var browser = await SignedInAsync(Roles.TownStaff, village[..9]);
        var page = browser.Page;
        await page.GotoAsync($"/pairing?region={village}");
        await Assertions.Expect(page.Locator("[data-figure='pairing-uncovered']")).ToHaveTextAsync("2");
        foreach (var household in households)
        {
            await Assertions.Expect(page.Locator($"[data-uncovered] tr[data-household='{household}']")).ToBeVisibleAsync();
        }

        await page.ClickAsync("button:has-text('生成自动结对方案')");
        await Assertions.Expect(page.Locator("[data-proposal-status]")).ToHaveTextAsync("待确认");
        await Assertions.Expect(page.Locator("[data-proposed]")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-items] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-loads]")).ToContainTextAsync("刘建军");
        await browser.ScreenshotAsync("console-assignment-proposal");

        await page.ClickAsync("button:has-text('确认结对')");
        await Assertions.Expect(page.Locator("[data-proposal-status]")).ToHaveTextAsync("已结对");
        await Assertions.Expect(page.Locator("[data-applied]")).ToHaveTextAsync("2");
        foreach (var household in households)
        {
            var pairings = await GetAsync($"/api/personnel/pairings?householdId={household}", personnel.TownStaff);
            Assert.Equal(resident, Assert.Single(pairings.EnumerateArray()).GetProperty("cadreId").GetGuid());
        }

        await page.ClickAsync("text=返回结对覆盖");
        await Assertions.Expect(page.Locator("[data-figure='pairing-uncovered']")).ToHaveTextAsync("0");
    }

    [Fact]
    public async Task A_household_roster_uploaded_shows_its_progress_to_the_end_with_each_rejected_line()
    {
        var village = await new PersonnelApi(platform).NewVillageAsync();
        var p = $"C{Guid.NewGuid():N}"[..10];
        var csv = "户号,村代码,地址,姓名,与户主关系,电话\n"
            + $"{p}-1,{village},和平路1号,赖桂香,户主,\n"
            + $"{p}-1,{village},和平路1号,曾凡英,配偶,\n"
            + $"{p}-2,{village},和平路2号,钟文华,户主,\n"
            + $"{p}-3,999999999999,和平路3号,谢春生,户主,\n";

        await using var browser = await SignedInAsync(Roles.TownStaff, village[..9]);
        var page = browser.Page;
        await page.ClickAsync("nav >> text=导入");
        await page.SetInputFilesAsync("input[name=file]", new FilePayload { Name = "花名册.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("button:has-text('上传并导入')");

        // The page follows the import by reloading itself (no script) until it ends.
        await Assertions.Expect(page.Locator("[data-import-status]")).ToHaveTextAsync("已完成", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("[role=progressbar]")).ToHaveAttributeAsync("aria-valuenow", "100");
        await Assertions.Expect(page.Locator("[data-figure='import-inserted']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-figure='import-rejected']")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("[data-import-errors] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-import-errors] tbody tr td").First).ToHaveTextAsync("5");
        await browser.ScreenshotAsync("console-import");

        await page.ClickAsync("text=返回住户导入");
        await Assertions.Expect(page.Locator("[data-imports] tbody tr").First).ToContainTextAsync("花名册.csv");
    }

    [Fact]
    public async Task A_policy_broadcast_is_previewed_with_its_recipients_and_cost_then_sent_once()
    {
        var personnel = new PersonnelApi(platform);
        var village = await personnel.NewVillageAsync();
        // A village of its own: its two 低保户 are the broadcast's only recipients.
        const string tag = "低保户";
        await personnel.RegisterHouseholdAsync(village, "赖桂香", phone: Households.NewPhone(), tags: [tag]);
        await personnel.RegisterHouseholdAsync(village, "曾凡英", phone: Households.NewPhone(), tags: [tag]);
        var body = new { regionPrefix = village, tags = new[] { tag }, audience = "Heads", templateCode = "policy-broadcast", values = new { content = "2027年城乡居民医保缴费截止12月31日，请及时缴纳。" } };
        var town = platform.Token(village[..9], Roles.TownStaff);
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await platform.Gateway.SendAsync(platform.Request(HttpMethod.Post, "/api/notifications/broadcasts/preview", town, JsonContent.Create(body)));
            return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recipients").GetInt64() == 2;
        }, TimeSpan.FromSeconds(30), "the notifications service's copy of the two households");

        await using var browser = await SignedInAsync(Roles.TownStaff, village[..9]);
        var page = browser.Page;
        await page.ClickAsync("nav >> text=短信");
        await page.SelectOptionAsync("select[name='template']", "policy-broadcast");
        await page.ClickAsync("button:has-text('选用模板')");
        await page.FillAsync("textarea[name='Draft.Values[content]']", "2027年城乡居民医保缴费截止12月31日，请及时缴纳。");
        await page.FillAsync("input[name='Draft.RegionPrefix']", village);
        await page.FillAsync("input[name='Draft.Tags']", tag);
        await page.ClickAsync("button:has-text('预览人数与费用')");
        await Assertions.Expect(page.Locator("[data-figure='preview-recipients']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-figure='preview-messages']")).ToHaveTextAsync("2");
        await Assertions.Expect(page.Locator("[data-preview]")).ToContainTextAsync("2027年城乡居民医保缴费截止12月31日");
        await browser.ScreenshotAsync("console-sms-preview");

        await page.ClickAsync("button:has-text('确认发送')");
        await Assertions.Expect(page.Locator("[data-broadcast-status]")).ToBeVisibleAsync();
        var id = Guid.Parse(page.Url.Split('/')[^1]);
        // The service prepares the recipients after answering: the two households, as previewed.
        await Eventually.HoldsAsync(async () => (await GetAsync($"/api/notifications/broadcasts/{id}", town)).GetProperty("recipients").GetInt64() == 2,
            TimeSpan.FromSeconds(30), "the broadcast's two recipients");
        Assert.Equal(village, (await GetAsync($"/api/notifications/broadcasts/{id}", town)).GetProperty("regionPrefix").GetString());
        await browser.ScreenshotAsync("console-sms-broadcast");

        // Sent once: going back and sending the same preview again would be a new broadcast, but a retried post is not.
        var list = await GetAsync($"/api/notifications/broadcasts?pageSize=50", town);
        Assert.Single(list.GetProperty("broadcasts").EnumerateArray(), b => b.GetProperty("regionPrefix").GetString() == village);
    }

    /// <summary>Opens a step's form by its button, fills it, and confirms.</summary>
    [Fact]
    public async Task A_household_follows_the_link_in_its_SMS_opens_its_case_with_a_code_and_rates_the_answer_on_a_phone_without_an_account()
    {
        var personnel = new PersonnelApi(platform);
        var village = await personnel.NewVillageAsync();
        var phone = Households.NewPhone();
        var town = platform.Token(village[..9], Roles.TownStaff, "petition-clerk");
        var created = await personnel.CreatedAsync("/api/petitions/cases", town, new
        {
            channel = "WalkIn", matterType = "Request", categoryCode = "drinking-water", regionCode = village,
            petitioner = new { name = "钟桂香", phone }, content = "组里自来水管破裂一周无人修",
        });
        var (id, number) = (created.GetProperty("id").GetGuid(), created.GetProperty("number").GetString()!);
        await personnel.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/assign", town, new { kind = "Region", code = village[..9] + "000" });
        await personnel.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/accept", town, new { });
        await personnel.OkAsync(HttpMethod.Post, $"/api/petitions/cases/{id}/answer", town, new { outcome = "Supported", opinion = "水管已于本周更换，恢复供水。" });
        var link = (await SmsParamsAsync(phone, "petition-answered")).GetProperty("link").GetString()!;

        await using var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!, width: 390, height: 844);
        var page = browser.Page;
        await page.GotoAsync(link);
        await Assertions.Expect(page.Locator("input[name='Ask.CaseNumber']")).ToHaveValueAsync(number);
        // The phone must be the one the case was registered with; a malformed one is named beside its field.
        await page.FillAsync("input[name='Ask.Phone']", "1390000");
        await page.ClickAsync("button:has-text('获取验证码')");
        await Assertions.Expect(page.Locator("#error-phone")).ToContainTextAsync("手机号码");
        await page.FillAsync("input[name='Ask.Phone']", phone);
        await page.ClickAsync("button:has-text('获取验证码')");
        await Assertions.Expect(page.GetByText("验证码已发送至该手机")).ToBeVisibleAsync();
        var code = (await SmsParamsAsync(phone, "case-query-code")).GetProperty("code").GetString()!;
        await page.FillAsync("input[name='Verify.Code']", ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
        await page.ClickAsync("button:has-text('查询')");
        await Assertions.Expect(page.Locator("#error-code")).ToContainTextAsync("验证码不正确");
        await page.FillAsync("input[name='Verify.Code']", code);
        await page.ClickAsync("button:has-text('查询')");

        await Assertions.Expect(page.Locator("[data-progress]")).ToContainTextAsync("已答复：支持");
        await Assertions.Expect(page.Locator("[data-answer]")).ToContainTextAsync("水管已于本周更换");
        await Assertions.Expect(page.Locator("[data-public-steps] li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("钟桂香");
        Assert.True((await page.Locator("form[data-rate]").BoundingBoxAsync())!.Width <= 390);
        await browser.ScreenshotAsync("console-public-query-phone");

        // A rating the service refuses (no choice made, past the browser's own check) is named beside
        // its field, with the case still shown as read.
        await page.EvalOnSelectorAllAsync("input[name='Rate.Satisfaction']", "inputs => inputs.forEach(i => i.required = false)");
        await page.ClickAsync("button:has-text('提交评价')");
        await Assertions.Expect(page.Locator("#error-satisfaction")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-progress]")).ToContainTextAsync("已答复：支持");

        await page.CheckAsync("input[name='Rate.Satisfaction'][value='Satisfied']");
        await page.FillAsync("textarea[name='Rate.Comment']", "修得很快，谢谢");
        await page.ClickAsync("button:has-text('提交评价')");
        await Assertions.Expect(page.Locator("[data-rating]")).ToContainTextAsync("您的评价：满意");
        await Assertions.Expect(page.Locator("form[data-rate]")).ToHaveCountAsync(0);
        await browser.ScreenshotAsync("console-public-query-rated");

        // The rating is the petitions service's own record: the case's satisfaction.
        var read = await GetAsync($"/api/petitions/cases/{id}", town);
        Assert.Equal(("Satisfied", "Answered"), (read.GetProperty("satisfaction").GetString(), read.GetProperty("status").GetString()));

        // Without the session (another browser), the progress page sends the household back for a code.
        await using var other = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!, width: 390, height: 844);
        await other.Page.GotoAsync("/q/progress");
        await Assertions.Expect(other.Page.GetByText("查询已过期，请重新获取验证码。")).ToBeVisibleAsync();
    }

    private async Task<JsonElement> SmsParamsAsync(string phone, string template)
    {
        JsonElement? found = null;
        await Eventually.HoldsAsync(async () =>
        {
            var sent = (await platform.Simulator.GetFromJsonAsync<JsonElement>($"/simulator/messages?phone={phone}")).EnumerateArray()
                .Where(m => m.GetProperty("templateCode").GetString() == template).ToList();
            found = sent.Count > 0 ? JsonDocument.Parse(sent[^1].GetProperty("templateParam").GetString()!).RootElement : null;
            return found is not null;
        }, TimeSpan.FromSeconds(30), $"the {template} SMS reaches the household");
        return found!.Value;
    }

    private static async Task StepAsync(IPage page, string title, Func<ILocator, Task>? fill = null)
    {
        var step = page.Locator("details.mw-step", new() { Has = page.Locator("summary", new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{title}$") }) });
        if (await step.GetAttributeAsync("open") is null)
        {
            await step.Locator("summary").ClickAsync();
        }

        if (fill is not null)
        {
            await fill(step.Locator("form"));
        }

        await step.Locator("button[type=submit]").ClickAsync();
    }

    private static Task ExpectStatusAsync(IPage page, string status) => Assertions.Expect(page.Locator("[data-case-status]")).ToHaveTextAsync(status);

    /// <summary>A fresh browser signed in as a new staff member of <paramref name="role"/> over <paramref name="region"/>.</summary>
    private async Task<ConsoleBrowser> SignedInAsync(string role, string region)
    {
        var staff = await _identity.NewStaffAsync(role, region);
        var browser = await ConsoleBrowser.StartAsync(platform.Gateway.BaseAddress!);
        try
        {
            await SignInAsync(browser.Page, _identity, staff);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
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
        if (!response.IsSuccessStatusCode)
        {
            // The service's own account of the failure, for whoever reads the test's result.
            var service = path.Split('/')[2];
            var log = await platform.ConsoleLogAsync(service);
            Assert.Fail($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{service}'s last lines:\n{string.Join("\n", log.TakeLast(60))}");
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> FigureAsync(IPage page, string name) => (await page.Locator($"[data-figure='{name}']").InnerTextAsync()).Trim();

    private static string Count(JsonElement n) => n.GetInt64().ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(JsonElement rate) =>
        rate.ValueKind == JsonValueKind.Null ? "—" : (rate.GetDouble() * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
