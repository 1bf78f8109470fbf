namespace MassWork.Console.Projects;

/// <summary>What the projects service's codes are called on screen (stages and sources are the dashboard's <see cref="Dashboard.Labels"/>).</summary>
public static class ProjectLabels
{
    private static readonly Dictionary<string, string> Categories = new()
    {
        ["Road"] = "道路桥梁", ["Water"] = "水利", ["DrinkingWater"] = "安全饮水", ["Sanitation"] = "环境整治", ["School"] = "教育",
        ["ElderlyCare"] = "养老", ["HousingRepair"] = "危旧房改造", ["Industry"] = "产业", ["Other"] = "其他",
    };

    private static readonly Dictionary<string, string> Proposers = new() { ["VillageCommittee"] = "村委会", ["WorkTeam"] = "驻村工作队", ["Town"] = "乡镇" };

    private static readonly Dictionary<string, string> Levels = new() { ["City"] = "市级", ["County"] = "县级", ["Town"] = "乡镇" };

    private static readonly Dictionary<string, string> Entries = new() { ["Budget"] = "预算", ["Allocation"] = "下达", ["Payment"] = "支付", ["Reversal"] = "冲正" };

    public static readonly string[] StageOrder = ["Proposed", "Approved", "UnderWay", "Accepted", "Published", "Rejected", "Cancelled"];

    public static string Category(string category) => Categories.GetValueOrDefault(category, category);

    public static string Proposer(string proposer) => Proposers.GetValueOrDefault(proposer, proposer);

    public static string Level(string level) => Levels.GetValueOrDefault(level, level);

    public static string Entry(string kind) => Entries.GetValueOrDefault(kind, kind);
}
