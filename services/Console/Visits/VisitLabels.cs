namespace MassWork.Console.Visits;

/// <summary>What the visits service's codes are called on screen.</summary>
public static class VisitLabels
{
    public static readonly (string Value, string Name)[] Modes = [("Home", "入户走访"), ("Phone", "电话联系"), ("Meeting", "座谈会"), ("GroupTalk", "下访恳谈")];

    public static string Mode(string mode) => Modes.FirstOrDefault(m => m.Value == mode).Name ?? mode;

    /// <summary>A line's standing in words, and the urgency colour the case deadlines use.</summary>
    public static (string Name, string Css) Standing(string standing) => standing switch
    {
        "Done" => ("已完成", "mw-due-ok"),
        "DueSoon" => ("临期", "mw-due-soon"),
        "Overdue" => ("逾期", "mw-due-overdue"),
        _ => ("未完成", ""),
    };

    public static string Flag(string flag) => flag switch
    {
        "TimeMismatch" => "拍摄时间与走访时间不符",
        "PlaceMismatch" => "拍摄地点与走访地点不符",
        "NoCaptureTime" => "无拍摄时间",
        "NoLocation" => "无位置信息",
        "Reused" => "与其他走访的照片相同",
        _ => flag,
    };

    /// <summary>A spot-check call's outcome in words, coloured as the due list colours standings.</summary>
    public static (string Name, string Css) CallOutcome(string outcome) => outcome switch
    {
        "Passed" => ("确认已走访", "mw-due-ok"),
        "Failed" => ("称未走访", "mw-due-overdue"),
        "Unreached" => ("未接通", "mw-due-soon"),
        _ => ("待拨打", ""),
    };
}
