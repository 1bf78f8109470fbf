using MassWork.Notifications.Rules;
using MassWork.Notifications.Templates;

namespace MassWork.UnitTests.Notifications;

public sealed class SmsRuleTests
{
    private static DateTimeOffset Shanghai(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    [InlineData(1, 1)]
    public void Up_to_70_characters_is_one_message_and_longer_ones_go_in_67_character_parts(int length, int segments)
    {
        Assert.Equal(segments, SmsSegments.Count(new string('民', length)));
    }

    [Fact]
    public void Chinese_letters_digits_and_the_signature_each_count_one_character()
    {
        var signed = TemplateText.Signed("赣州群众工作", "您户（户号A1）已纳入结对联户");

        Assert.Equal(8 + 15, SmsSegments.Length(signed));
        Assert.Equal(1, SmsSegments.Count(signed));
        Assert.Equal(3, SmsSegments.Split(new string('村', 135)).Count);
        Assert.Equal(67, SmsSegments.Split(new string('村', 135))[0].Length);
    }

    [Fact]
    public void Rendering_fills_every_variable_and_names_the_missing_ones()
    {
        var (text, missing) = TemplateText.Render("${name}您好，您的联户干部是${cadre}，电话${phone}。", new Dictionary<string, string> { ["name"] = "刘桂英", ["cadre"] = "宋明辉" });
        Assert.Null(text);
        Assert.Equal(["phone"], missing);

        (text, missing) = TemplateText.Render("${name}您好", new Dictionary<string, string> { ["name"] = "刘桂英", ["extra"] = "x" });
        Assert.Equal("刘桂英您好", text);
        Assert.Empty(missing);
    }

    [Fact]
    public void A_template_with_a_broken_variable_is_refused()
    {
        Assert.NotNull(TemplateText.Validate("您好${name"));
        Assert.NotNull(TemplateText.Validate("您好${1x}"));
        Assert.Null(TemplateText.Validate("您好${name}，回T退订"));
        Assert.Equal(["name", "day"], TemplateText.Variables("${name}于${day}前，${name}"));
    }

    [Theory]
    [InlineData(22, 0, true)]
    [InlineData(23, 59, true)]
    [InlineData(0, 30, true)]
    [InlineData(7, 59, true)]
    [InlineData(8, 0, false)]
    [InlineData(12, 0, false)]
    [InlineData(20, 59, false)]
    [InlineData(21, 0, true)]
    public void Quiet_hours_run_from_21_to_8_across_midnight(int hour, int minute, bool quiet)
    {
        Assert.Equal(quiet, QuietHours.Default.Contains(Shanghai(23, hour, minute)));
    }

    [Fact]
    public void A_message_held_at_night_goes_at_8_the_next_morning_and_one_after_midnight_at_8_that_morning()
    {
        Assert.Equal(Shanghai(24, 8), QuietHours.Default.NextAllowed(Shanghai(23, 22, 15)));
        Assert.Equal(Shanghai(24, 8), QuietHours.Default.NextAllowed(Shanghai(24, 2)));
        Assert.Equal(Shanghai(24, 9), QuietHours.Default.NextAllowed(Shanghai(24, 9)));
    }

    [Theory]
    [InlineData(22, 0, 24, 1, true)]    // due in the night: urgent
    [InlineData(22, 0, 24, 7, true)]
    [InlineData(22, 0, 24, 8, false)]   // due when the window ends: 08:00 is in time
    [InlineData(22, 0, 24, 12, false)]
    [InlineData(20, 30, 23, 22, true)]  // written just before the window, due in it: a retry could be held past it
    [InlineData(15, 0, 23, 22, false)]  // written by day, due in the coming night: it goes by day
    [InlineData(15, 0, 23, 18, false)]
    [InlineData(10, 0, 24, 0, false)]   // a day limit ends at midnight: its notice, written by day, goes by day
    [InlineData(0, 0, 24, 0, false)]    // the warning a day ahead, raised at midnight, waits for 08:00
    [InlineData(0, 0, 23, 7, true)]
    public void A_notice_the_quiet_hours_could_hold_past_its_deadline_is_urgent(int nowHour, int nowMinute, int dueDay, int dueHour, bool urgent)
    {
        Assert.Equal(urgent, QuietHours.Default.CouldHoldPast(Shanghai(dueDay, dueHour), Shanghai(23, nowHour, nowMinute)));
    }

    [Fact]
    public void A_window_inside_one_day_and_an_empty_window_work_too()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));
        Assert.True(lunch.Contains(Shanghai(23, 13)));
        Assert.False(lunch.Contains(Shanghai(23, 14)));
        Assert.Equal(Shanghai(23, 14), lunch.NextAllowed(Shanghai(23, 12, 30)));
        Assert.False(new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0)).Contains(Shanghai(23, 3)));
    }

    [Fact]
    public void The_same_content_waits_30_seconds_and_the_51st_message_of_the_day_waits_for_tomorrow()
    {
        var now = Shanghai(23, 10);
        Assert.Null(SendLimits.Default.DeferUntil(new PhoneHistory(49, now.AddSeconds(-31)), now));
        Assert.Equal(now.AddSeconds(20), SendLimits.Default.DeferUntil(new PhoneHistory(3, now.AddSeconds(-10)), now));
        Assert.Equal(Shanghai(24, 0), SendLimits.Default.DeferUntil(new PhoneHistory(50, null), now));
    }

    [Theory]
    [InlineData("T", true)]
    [InlineData(" td ", true)]
    [InlineData("N", true)]
    [InlineData("退订", true)]
    [InlineData("退订。", true)]
    [InlineData("谢谢", false)]
    [InlineData("TD退订吗", false)]
    [InlineData("", false)]
    public void Replies_T_TD_N_and_退订_opt_out(string reply, bool optOut)
    {
        Assert.Equal(optOut, OptOutKeywords.IsOptOut(reply));
    }

    [Fact]
    public void An_opted_out_number_gets_service_messages_but_no_broadcast()
    {
        var noon = Shanghai(23, 12);
        var fresh = new PhoneHistory(0, null);

        Assert.Equal(Verdict.Suppress, SendDecision.For(true, false, true, fresh, noon, QuietHours.Default, SendLimits.Default).Verdict);
        Assert.Equal(Verdict.Send, SendDecision.For(false, false, true, fresh, noon, QuietHours.Default, SendLimits.Default).Verdict);
    }

    [Fact]
    public void At_night_a_broadcast_waits_until_morning_and_an_urgent_message_goes()
    {
        var night = Shanghai(23, 23);
        var fresh = new PhoneHistory(0, null);

        var broadcast = SendDecision.For(true, false, false, fresh, night, QuietHours.Default, SendLimits.Default);
        Assert.Equal((Verdict.Defer, Shanghai(24, 8), "QuietHours"), (broadcast.Verdict, broadcast.Until, broadcast.Reason));
        Assert.Equal(Verdict.Send, SendDecision.For(false, true, false, fresh, night, QuietHours.Default, SendLimits.Default).Verdict);
    }
}
