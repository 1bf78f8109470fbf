using MassWork.Contracts.Personnel.V1;
using MassWork.Contracts.Petitions.V1;
using MassWork.Contracts.Projects.V1;
using MassWork.Notifications.Events;
using MassWork.Notifications.Templates;

namespace MassWork.UnitTests.Notifications;

public sealed class EventNoticeTests
{
    private static PetitionCaseRef Case(string? phone, bool accusation = false) => new(Guid.NewGuid(), "360702-20261123-0000001", "360702003201", accusation ? "Accusation" : "Request",
        "drinking-water", "饮水安全", "Registered", Guid.NewGuid(), phone is null ? null : new PetitionerContact(phone), accusation, null, null, null, "handler-1", "李办事员");

    [Fact]
    public void A_contact_card_goes_to_every_member_with_a_phone_with_the_cadres_name_and_number()
    {
        var members = new[]
        {
            new HouseholdMemberContact(Guid.NewGuid(), "刘桂英", "户主", true, "13800000001"),
            new HouseholdMemberContact(Guid.NewGuid(), "刘小明", "子", false, "13800000002"),
            new HouseholdMemberContact(Guid.NewGuid(), "刘奶奶", "母亲", false, null),
        };
        var pairing = new PairingStarted(Guid.NewGuid(), "Resident", DateTimeOffset.UtcNow, Guid.NewGuid(), "A1", "360702003201", "刘桂英", members,
            Guid.NewGuid(), "宋明辉", "13970701234", "赣州市水利局");

        var notices = EventNotices.ContactCard(pairing).ToList();

        Assert.Equal(["13800000001", "13800000002"], notices.Select(n => n.Phone));
        Assert.All(notices, n => Assert.Equal(DefaultTemplates.ContactCard, n.TemplateCode));
        Assert.Equal("13970701234", notices[0].Values["phone"]);
        Assert.Equal(2, notices.Select(n => n.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public void A_welcome_goes_once_to_the_heads_phone_or_the_first_member_with_one()
    {
        var head = new HouseholdMemberContact(Guid.NewGuid(), "刘桂英", "户主", true, null);
        var son = new HouseholdMemberContact(Guid.NewGuid(), "刘小明", "子", false, "13800000002");
        var id = Guid.NewGuid();

        var notice = Assert.Single(EventNotices.Welcome(id, "A1", "360702003201", [head, son]));
        Assert.Equal(("13800000002", "刘桂英", $"welcome:{id}"), (notice.Phone, notice.Values["head"], notice.IdempotencyKey));
        Assert.Empty(EventNotices.Welcome(id, "A1", "360702003201", [head]));
    }

    [Fact]
    public void Petition_steps_reach_the_petitioner_and_a_repeat_is_told_why_it_was_not_accepted()
    {
        var c = Case("13600000001");
        var registered = Assert.Single(EventNotices.PetitionRegistered(new PetitionRegistered(c, "WalkIn", DateTimeOffset.UtcNow, null, null, false, null), "https://qz.example.cn"));
        Assert.Equal((DefaultTemplates.PetitionRegistered, "饮水安全"), (registered.TemplateCode, registered.Values["category"]));
        Assert.Equal($"https://qz.example.cn/q/{c.CaseNumber}", registered.Values["link"]);

        var repeat = Assert.Single(EventNotices.PetitionRegistered(new PetitionRegistered(c, "WalkIn", DateTimeOffset.UtcNow, null, Guid.NewGuid(), false, "重复反映"), "https://qz.example.cn"));
        Assert.Equal(DefaultTemplates.PetitionNotAccepted, repeat.TemplateCode);

        var accepted = Assert.Single(EventNotices.PetitionAccepted(new PetitionAccepted(c, new DateTimeOffset(2027, 1, 22, 0, 0, 0, TimeSpan.FromHours(8)), DateTimeOffset.UtcNow), "https://qz.example.cn"));
        Assert.Equal("2027年1月21日", accepted.Values["due"]);
        Assert.Empty(EventNotices.PetitionClosed(new PetitionClosed(Case(null), "Supported", "Satisfied", DateTimeOffset.UtcNow), "https://qz.example.cn"));
    }

    [Fact]
    public void A_completed_project_tells_each_beneficiary_household_once_in_one_billed_message()
    {
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var project = new ProjectRef(Guid.NewGuid(), "360731105201", "Road", "Accepted", 28_000_000, [], 2, "梓山镇上坪组至下坪组通组公路硬化及排水沟配套工程");
        var completed = new ProjectCompleted(project, [first, second], true, DateTimeOffset.UtcNow);

        var notices = EventNotices.ProjectCompleted(completed,
            [new HouseholdPhone(first, "13800000001", "360731105201"), new HouseholdPhone(first, "13800000002", "360731105201"), new HouseholdPhone(second, "13800000003", "360731105201")]).ToList();

        Assert.Equal(["13800000001", "13800000003"], notices.Select(n => n.Phone));
        Assert.Equal([$"project-completed:{project.ProjectId}:{first}", $"project-completed:{project.ProjectId}:{second}"], notices.Select(n => n.IdempotencyKey));
        Assert.Equal([first, second], notices.Select(n => n.HouseholdId!.Value));
        var template = DefaultTemplates.All.Single(t => t.Code == DefaultTemplates.ProjectCompleted);
        var (text, _) = TemplateText.Render(template.Text, notices[0].Values);
        Assert.Equal("您好，惠及您户的为民办实事项目“梓山镇上坪组至下坪组通组公路硬化及排水沟…”已竣工验收，将在村务公开栏公示，欢迎监督。", text);
        Assert.Equal(1, SmsSegments.Count(TemplateText.Signed(template.Signature, text!)));
    }

    [Fact]
    public void Every_default_template_renders_with_the_values_its_events_give()
    {
        var c = Case("13600000001");
        var notices = EventNotices.PetitionRegistered(new PetitionRegistered(c, "WalkIn", DateTimeOffset.UtcNow, null, null, false, null), "https://qz.example.cn")
            .Concat(EventNotices.PetitionAnswered(new PetitionAnswered(c, "Explained", "已解释", "镇政府", true, null, null, DateTimeOffset.UtcNow), "https://qz.example.cn"))
            // Free text at its longest (500 characters) still fits one notice, cut to its gist.
            .Concat(EventNotices.PetitionNotAccepted(new PetitionNotAccepted(c, new string('理', 500), DateTimeOffset.UtcNow), "https://qz.example.cn"))
            .Concat(EventNotices.PetitionProgress(new PetitionProgressCalledBack(c, new string('进', 500), DateTimeOffset.UtcNow), "https://qz.example.cn"))
            .Concat(EventNotices.PetitionExtended(new PetitionExtended(c, 30, new string('延', 500), new DateTimeOffset(2027, 3, 2, 0, 0, 0, TimeSpan.FromHours(8)), DateTimeOffset.UtcNow),
                "https://qz.example.cn"))
            .Concat(EventNotices.OwnerDeadline(c, "Resolve", DateTimeOffset.UtcNow, true, "13900000009"))
            .Concat(EventNotices.LeaveDecided(new LeaveDecided(Guid.NewGuid(), Guid.NewGuid(), "队员乙", "13900000008", "TeamLeader", "Approve", "Pending", Guid.NewGuid(), null,
                DateTimeOffset.UtcNow, "TownPartySecretary", Guid.NewGuid(), "书记丙", "13900000007"), "360702"));

        Assert.Superset(new HashSet<string> { DefaultTemplates.PetitionNotAccepted, DefaultTemplates.PetitionProgress, DefaultTemplates.PetitionExtended },
            notices.Select(n => n.TemplateCode).ToHashSet());
        foreach (var notice in notices)
        {
            var template = DefaultTemplates.All.Single(t => t.Code == notice.TemplateCode);
            var (text, missing) = TemplateText.Render(template.Text, notice.Values);
            Assert.True(missing.Count == 0, $"{notice.TemplateCode} misses {string.Join(", ", missing)}");
            Assert.True(SmsSegments.Fits(TemplateText.Signed(template.Signature, text!)));
        }
    }
}

public sealed class OneTimeCodeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(DefaultTemplates.CaseQueryCode, 10, "验证码为483920，10分钟内有效")]
    [InlineData(DefaultTemplates.SignInCode, 3, "验证码为483920，3分钟内有效")]
    public void A_code_notice_says_how_long_the_code_lasts_as_its_issuer_set_it(string templateCode, int minutes, string expected)
    {
        var template = DefaultTemplates.All.Single(t => t.Code == templateCode);

        var (text, missing) = TemplateText.Render(template.Text, OneTimeCodes.Values("483920", T0, T0.AddMinutes(minutes)));

        Assert.Empty(missing);
        Assert.Contains(expected, text);
    }

    [Fact]
    public void A_code_is_not_sent_once_it_has_expired()
    {
        Assert.False(OneTimeCodes.ExpiredBeforeSending(T0.AddSeconds(-1), T0));
        Assert.True(OneTimeCodes.ExpiredBeforeSending(T0, T0));
    }
}
