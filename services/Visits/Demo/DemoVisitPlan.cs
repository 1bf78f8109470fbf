using MassWork.Visits.Demands;
using MassWork.Visits.Records;

namespace MassWork.Visits.Demo;

/// <summary>A demo visit: the request as a cadre's phone would send it, when it was entered, and by whom.</summary>
public sealed record PlannedVisit(VisitRequest Request, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>A pairing of the demo town as the visits read model holds it.</summary>
public sealed record DemoPairing(Guid HouseholdId, Guid CadreId, string VillageCode, DateTimeOffset? StartedAt, string? CadreUserId);

/// <summary>
/// The demo town's year of visits, drawn from a fixed seed so every installation shows the same
/// story: each pairing (结对) contacted three or four times over the last year, spread over its
/// thirds, mostly at home (入户) and sometimes by phone (电话), during the day in Asia/Shanghai; the
/// contact card (民情联系卡) handed over at the first visit; policies explained, aid around the
/// Spring Festival, small services done; a few visits entered late; demands raised on a few of
/// the last month's visits. A few households are left behind on purpose — some never visited,
/// some visited once — so the figures and the sweeper have something to show.
/// </summary>
public static class DemoVisitPlan
{
    /// <summary>One household in this many is never visited, and one in <see cref="OnceEvery"/> only once.</summary>
    public const int NeverEvery = 150;

    public const int OnceEvery = 60;

    private static readonly string[] Topics = ["防返贫动态监测", "城乡居民医疗保险缴费", "城乡居民养老保险", "教育资助政策", "产业奖补政策", "雨露计划职业教育补助", "农村危房改造", "森林防火"];

    private static readonly string[] Notes =
    [
        "了解家庭收入和务工情况，暂无困难。", "询问老人身体状况，提醒按时服药。", "查看房屋安全情况，未发现隐患。",
        "了解子女就学情况，告知教育资助申请时间。", "宣讲防返贫监测政策，留下联系方式。", "了解今年种养情况，鼓励发展脐橙产业。",
    ];

    private static readonly string[] Services = ["代缴城乡居民医保", "协助办理低保申请材料", "检修家中老化线路", "联系村医上门体检", "代购化肥农资"];

    private static readonly (string Category, string MatterType, string Content)[] Demands =
    [
        ("roads-irrigation", "Request", "组里道路破损，雨天出行困难，希望修缮。"),
        ("drinking-water", "Request", "自来水水压不足，地势高的几户经常停水。"),
        ("social-security", "Request", "咨询高龄补贴申领条件，希望帮助办理。"),
        ("neighbour-dispute", "Dispute", "与邻居因宅基地界址发生争执，希望村里调解。"),
        ("medical", "Suggestion", "建议村卫生室增加周末坐诊时间。"),
        ("sanitation", "Suggestion", "垃圾清运不及时，建议增设垃圾桶。"),
        ("employment", "Request", "家中劳动力希望参加技能培训，找份稳定工作。"),
    ];

    /// <param name="pairings">The town's pairings; their village codes place the visits.</param>
    /// <param name="now">The seeding instant: every visit lies in the year before it.</param>
    /// <param name="lateEntryDays">The city's late-entry days: a late entry is recorded a few days past them.</param>
    public static List<PlannedVisit> Plan(IReadOnlyList<DemoPairing> pairings, DateTimeOffset now, int lateEntryDays, int seed = 20111)
    {
        var random = new Random(seed);
        var yearAgo = now.AddDays(-365);
        var households = pairings.Select(p => p.HouseholdId).Distinct().Order().ToList();
        var never = households.Where((_, i) => i % NeverEvery == NeverEvery / 2).ToHashSet();
        var once = households.Where((_, i) => i % OnceEvery == OnceEvery / 3).Except(never).ToHashSet();
        var visits = new List<PlannedVisit>();
        var onceDone = new HashSet<Guid>();
        foreach (var pairing in pairings.OrderBy(p => p.CadreId).ThenBy(p => p.HouseholdId))
        {
            if (never.Contains(pairing.HouseholdId) || (once.Contains(pairing.HouseholdId) && !onceDone.Add(pairing.HouseholdId)))
            {
                continue;
            }

            var from = pairing.StartedAt is { } started && started > yearAgo ? started : yearAgo;
            var contacts = once.Contains(pairing.HouseholdId) ? 1 : random.Next(5) == 0 ? 4 : 3;
            var span = (now.AddDays(-1) - from) / contacts;
            for (var k = 0; k < contacts; k++)
            {
                var day = ChinaTime.LocalDate(from + span * k + span * random.NextDouble());
                // The day is yesterday at the latest, so the visit lies in the past whatever the hour.
                var visitedAt = ChinaTime.StartOf(day).AddMinutes(random.Next(8 * 60 + 30, 18 * 60));
                visits.Add(Visit(random, pairing, visitedAt, firstContact: k == 0, visits.Count, now, lateEntryDays));
            }
        }

        return visits;
    }

    private static PlannedVisit Visit(Random random, DemoPairing pairing, DateTimeOffset visitedAt, bool firstContact, int index, DateTimeOffset now, int lateEntryDays)
    {
        var home = firstContact || random.Next(100) >= 15;
        var local = ChinaTime.Local(visitedAt);
        // 送温暖 is handed over in the weeks before and after the Spring Festival.
        var festival = local.Month == 1 && local.Day >= 15 || local.Month == 2 && local.Day <= 20;
        var aid = home && (festival ? random.Next(3) == 0 : random.Next(40) == 0)
            ? new AidInput(random.Next(2) == 0 ? 20_000 : 50_000, random.Next(2) == 0 ? [new GoodsInput("大米", 1, 15_000), new GoodsInput("食用油", 2, 12_000)] : null)
            : null;
        var (latitude, longitude) = Where(pairing.VillageCode);
        var place = home ? new PlaceInput(latitude + (random.NextDouble() - 0.5) * 0.004, longitude + (random.NextDouble() - 0.5) * 0.004, random.Next(8, 30)) : null;
        var demand = home && now - visitedAt < TimeSpan.FromDays(30) && random.Next(40) == 0 ? Demands[random.Next(Demands.Length)] : default;
        var recordedAt = random.Next(50) == 0 ? visitedAt.AddDays(lateEntryDays + 2 + random.Next(5)) : visitedAt.AddMinutes(random.Next(10, 240));
        var request = new VisitRequest(
            $"demo-{index:D6}",
            local,
            home ? nameof(VisitMode.Home) : nameof(VisitMode.Phone),
            [pairing.CadreId],
            [pairing.HouseholdId],
            place,
            Notes[random.Next(Notes.Length)],
            random.Next(10) < 6 ? [.. Topics.OrderBy(_ => random.Next()).Take(random.Next(1, 3))] : null,
            aid,
            home && random.Next(7) == 0 ? [Services[random.Next(Services.Length)]] : null,
            firstContact ? [pairing.HouseholdId] : null,
            demand.Content is null ? null : [new DemandInput(null, pairing.HouseholdId, demand.Category, demand.MatterType, demand.Content)]);
        return new PlannedVisit(request, recordedAt < now ? recordedAt : now, pairing.CadreUserId ?? "demo");
    }

    /// <summary>A village's place around 于都县 (about 25.95°N, 115.41°E), fixed by its code, so its visits and photos agree.</summary>
    public static (double Latitude, double Longitude) Where(string villageCode)
    {
        var n = int.Parse(villageCode[^3..]);
        return (25.90 + n % 10 * 0.01, 115.36 + n / 10 % 10 * 0.01);
    }
}
