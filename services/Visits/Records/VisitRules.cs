namespace MassWork.Visits.Records;

/// <summary>
/// The rules a visit follows whatever the database holds: when it may have happened, when it is
/// a late entry, what each mode covers, and what aid is plausible. Each problem names its field.
/// </summary>
public static class VisitRules
{
    /// <summary>A phone's clock may run a little ahead of the server's; beyond this a visit is in the future.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Visits count in the year's figures; one older than this is a mistyped date, not a late entry.</summary>
    public const int MaxAgeDays = 366;

    /// <summary>
    /// ¥100,000 in fen for one visit's aid. 慰问 is hundreds of yuan; anything near this is 元
    /// typed as 分 or a project (为民办实事), which has its own accounts.
    /// </summary>
    public const long MaxAidFen = 10_000_000;

    public const int MaxGoodsQuantity = 10_000;

    public const int MinMeetingHouseholds = 2;

    /// <summary>下访恳谈 reaches a good part of a village at once (004).</summary>
    public const int MinGroupTalkHouseholds = 30;

    public const int MinGroupTalkGroups = 2;

    public const int MaxGroupTalkGroups = 3;

    public static string? WhenProblem(DateTimeOffset visitedAt, DateTimeOffset now)
    {
        if (visitedAt > now + ClockSkew)
        {
            return $"In the future: a visit is recorded once it has taken place (now is {ChinaTime.Local(now):yyyy-MM-dd HH:mm} Asia/Shanghai).";
        }

        return ChinaTime.LocalDate(now).DayNumber - ChinaTime.LocalDate(visitedAt).DayNumber > MaxAgeDays
            ? $"More than {MaxAgeDays} days ago."
            : null;
    }

    /// <summary>Entered more Shanghai calendar days after the visit than the city allows (a visit on the 7th entered on the 10th is 3 days).</summary>
    public static bool IsLateEntry(DateTimeOffset visitedAt, DateTimeOffset recordedAt, int lateEntryDays) =>
        ChinaTime.LocalDate(recordedAt).DayNumber - ChinaTime.LocalDate(visitedAt).DayNumber > lateEntryDays;

    /// <summary>What a mode allows, as far as the request alone tells.</summary>
    public static (string Field, string Message)? ModeProblem(VisitMode mode, int households, bool hasPlace, bool hasAid) => mode switch
    {
        // One door knocked or one number called is one household: each keeps its own time and place.
        VisitMode.Home when households != 1 => ("householdIds", "A home visit (入户) is to one household; record each household's visit on its own."),
        VisitMode.Phone when households != 1 => ("householdIds", "A phone visit (电话) is to one household; record each call on its own."),
        VisitMode.Phone when hasPlace => ("place", "A phone visit (电话) has no place of visit."),
        VisitMode.Phone when hasAid => ("aid", "送温暖 aid is handed over in person, not by phone."),
        VisitMode.Meeting when households < MinMeetingHouseholds => ("householdIds", $"A meeting (座谈会) has at least {MinMeetingHouseholds} households; one household is a home visit."),
        VisitMode.GroupTalk when households < MinGroupTalkHouseholds => ("householdIds", $"A group talk (下访恳谈) covers at least {MinGroupTalkHouseholds} households; {households} given."),
        _ => null,
    };

    /// <summary>The contact card (民情联系卡) is handed over in person.</summary>
    public static string? ContactCardProblem(VisitMode mode) =>
        mode == VisitMode.Phone ? "A contact card (民情联系卡) is handed over in person, not by phone." : null;

    /// <summary>A group talk's villager groups (村民小组), counted from its households' groups.</summary>
    public static string? GroupTalkGroupsProblem(int groups) =>
        groups is < MinGroupTalkGroups or > MaxGroupTalkGroups
            ? $"A group talk (下访恳谈) covers {MinGroupTalkGroups}–{MaxGroupTalkGroups} villager groups (村民小组); these households are in {groups}."
            : null;

    /// <summary>Cash and goods together; each part was checked within <see cref="MaxAidFen"/>, so the sum cannot overflow.</summary>
    public static string? AidTotalProblem(long cashFen, IEnumerable<AidGoods> goods) =>
        cashFen + goods.Sum(g => g.ValueFen) > MaxAidFen
            ? $"Cash and goods together at most {MaxAidFen} fen (¥{MaxAidFen / 100:N0}) a visit: amounts are in fen (分), not yuan."
            : null;
}
