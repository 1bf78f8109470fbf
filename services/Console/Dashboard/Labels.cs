using System.Globalization;

namespace MassWork.Console.Dashboard;

/// <summary>The services' English names of stages and sources, as staff read them, and the number formats of the console.</summary>
public static class Labels
{
    private static readonly Dictionary<string, string> Stages = new()
    {
        ["Proposed"] = "已申报", ["Approved"] = "已批准", ["UnderWay"] = "实施中", ["Accepted"] = "已验收",
        ["Published"] = "已公示", ["Rejected"] = "未通过", ["Cancelled"] = "已撤销",
    };

    private static readonly Dictionary<string, string> Sources = new()
    {
        ["CityFund"] = "市三送资金", ["TownFund"] = "乡镇自有资金", ["PooledAid"] = "帮扶资金统筹",
        ["Villagers"] = "群众筹资筹劳", ["Donation"] = "社会捐赠", ["HigherLevel"] = "上级项目资金",
    };

    private static readonly Dictionary<string, string> TeamRoles = new() { ["Leader"] = "队长", ["Resident"] = "常驻队员", ["FullCoverage"] = "全覆盖干部" };

    /// <summary>A team member's role (队长, 常驻队员, 全覆盖干部); a pairing's kind reads the same.</summary>
    public static string TeamRole(string role) => TeamRoles.GetValueOrDefault(role, role);

    /// <summary>A date as staff write it (Asia/Shanghai: the services give times at +08:00).</summary>
    public static string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>An instant as a Shanghai date and time, minutes shown.</summary>
    public static string DateTime(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    public static string Stage(string stage) => Stages.GetValueOrDefault(stage, stage);

    public static string Source(string source) => Sources.GetValueOrDefault(source, source);

    /// <summary>A rate as a percentage with one decimal; "—" where there is nothing to divide by.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Fen (分) as yuan (元) with thousands separators; large sums in 万元.</summary>
    public static string Yuan(long fen) => fen >= 1_000_000
        ? (fen / 1_000_000.0).ToString("#,0.##", CultureInfo.InvariantCulture) + " 万元"
        : (fen / 100.0).ToString("#,0.##", CultureInfo.InvariantCulture) + " 元";

    public static string Count(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
