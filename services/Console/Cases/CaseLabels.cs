namespace MassWork.Console.Cases;

/// <summary>The petitions service's English names as staff read them.</summary>
public static class CaseLabels
{
    private static readonly Dictionary<string, string> Statuses = new()
    {
        ["Registered"] = "已登记", ["Assigned"] = "已转送交办", ["Accepted"] = "已受理", ["InProgress"] = "办理中", ["Escalated"] = "待部门签收",
        ["Answered"] = "已答复", ["Closed"] = "已办结", ["UnderReview"] = "复查复核中", ["NotAccepted"] = "不予受理", ["Terminated"] = "已终结",
    };

    private static readonly Dictionary<string, string> Channels = new()
    {
        ["Visit"] = "走访", ["WalkIn"] = "来访", ["Letter"] = "来信", ["Phone"] = "来电", ["Hotline"] = "12345热线",
        ["SuggestionBox"] = "意见箱", ["Online"] = "网上", ["Proxy"] = "代理代办",
    };

    private static readonly Dictionary<string, string> MatterTypes = new()
    {
        ["Suggestion"] = "建议意见", ["Accusation"] = "检举控告", ["Request"] = "申诉求决", ["Dispute"] = "矛盾纠纷",
    };

    public static readonly IReadOnlyDictionary<string, string> Outcomes = new Dictionary<string, string>
    {
        ["Supported"] = "支持", ["Explained"] = "解释说明", ["NotSupported"] = "不予支持", ["Adopted"] = "吸纳", ["NotAdopted"] = "未吸纳",
    };

    public static readonly IReadOnlyDictionary<string, string> Satisfactions = new Dictionary<string, string>
    {
        ["Satisfied"] = "满意", ["BasicallySatisfied"] = "基本满意", ["Dissatisfied"] = "不满意",
    };

    private static readonly Dictionary<string, string> Deadlines = new()
    {
        ["Route"] = "转送交办", ["Accept"] = "受理告知", ["Objection"] = "异议", ["ProgressCallBack"] = "7日回告", ["Resolve"] = "办理答复",
        ["Revisit"] = "回访", ["ReviewAnswer"] = "复查复核答复", ["Sign"] = "部门签收", ["WorkOrderResult"] = "工单办结",
    };

    private static readonly Dictionary<string, string> Actions = new()
    {
        ["Register"] = "登记", ["Assign"] = "转送交办", ["Reassign"] = "改交办", ["Accept"] = "受理", ["NotAccept"] = "不予受理", ["Object"] = "异议",
        ["SendBack"] = "退单", ["Start"] = "开始办理", ["SetOwnership"] = "五定", ["ProgressCallBack"] = "7日回告", ["Extend"] = "延期",
        ["Escalate"] = "提交部门办理", ["Sign"] = "签收", ["Answer"] = "答复", ["Revisit"] = "回访", ["RequestReview"] = "申请复查",
        ["RequestReReview"] = "申请复核", ["AnswerReview"] = "复查答复", ["AnswerReReview"] = "复核答复", ["ResolveByProject"] = "项目解决",
        ["Rate"] = "来访人评价", ["Supervise"] = "督办", ["MediationInvestigated"] = "排查", ["MediationMediated"] = "调解", ["MediationSettled"] = "化解",
    };

    /// <summary>A step in a case's history, as staff call it.</summary>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string Status(string status) => Statuses.GetValueOrDefault(status, status);

    public static string Channel(string channel) => Channels.GetValueOrDefault(channel, channel);

    public static string MatterType(string type) => MatterTypes.GetValueOrDefault(type, type);

    public static string Outcome(string? outcome) => outcome is null ? "" : Outcomes.GetValueOrDefault(outcome, outcome);

    public static string Satisfaction(string? satisfaction) => satisfaction is null ? "" : Satisfactions.GetValueOrDefault(satisfaction, satisfaction);

    public static string Deadline(string kind) => Deadlines.GetValueOrDefault(kind, kind);

    public static IEnumerable<KeyValuePair<string, string>> AllStatuses => Statuses;
}
