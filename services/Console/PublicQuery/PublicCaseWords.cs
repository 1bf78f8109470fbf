using MassWork.Console.Dashboard;

namespace MassWork.Console.PublicQuery;

/// <summary>
/// A case's progress as a petitioner reads it: one plain sentence for where it stands, and the
/// public query's field problems in words a household understands (the service's own are for staff).
/// </summary>
public static class PublicCaseWords
{
    public static string Progress(PublicCaseView c)
    {
        var office = c.Office ?? "承办单位";
        var due = c.ResolveDueAt is { } d ? $"，将于{Labels.Date(d)}前办结答复" : "";
        return c.Status switch
        {
            "Registered" => "您反映的问题已登记，正在转交负责办理的单位。",
            "Assigned" => $"已转交{office}，等待其受理。",
            "Accepted" => $"{office}已受理{due}。",
            "InProgress" => $"{office}正在办理{due}。",
            "Escalated" => "已提交县级部门办理，等待部门签收。",
            "Answered" => $"已答复：{Cases.CaseLabels.Outcome(c.Outcome)}。请查看下面的答复意见，并对办理结果作出评价。",
            "Closed" => "已办结。",
            "UnderReview" => "您申请的复查（复核）正在办理。",
            "NotAccepted" => $"不予受理：{c.NotAcceptedReason}。",
            "Terminated" => "已终结：复核后同一事项不再受理。",
            _ => "正在办理。",
        };
    }

    /// <summary>The public query's fields, as the form asks for them.</summary>
    public static string Field(string field) => field switch
    {
        "caseNumber" => "请填写短信或回执上的案件编号。",
        "phone" => "请填写登记时留下的手机号码（11位）。",
        "code" => "验证码不正确或已失效，请重新获取。",
        "satisfaction" => "请选择满意、基本满意或不满意。",
        "comment" => "意见不超过500字。",
        _ => "请检查填写的内容。",
    };
}
