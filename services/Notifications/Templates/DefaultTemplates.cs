namespace MassWork.Notifications.Templates;

/// <summary>The templates the platform's own events use; a city edits their wording through the API.</summary>
public static class DefaultTemplates
{
    public const string Signature = "赣州群众工作";

    public const string HouseholdWelcome = "household-welcome";
    public const string ContactCard = "contact-card";
    public const string PetitionRegistered = "petition-registered";
    public const string PetitionAccepted = "petition-accepted";
    public const string PetitionNotAccepted = "petition-not-accepted";
    public const string PetitionProgress = "petition-progress";
    public const string PetitionAnswered = "petition-answered";
    public const string PetitionClosed = "petition-closed";
    public const string CaseAssigned = "case-assigned";
    public const string CaseDeadlineApproaching = "case-deadline-approaching";
    public const string CaseDeadlineMissed = "case-deadline-missed";
    public const string LeaveRequested = "leave-requested";
    public const string LeaveNextStep = "leave-next-step";
    public const string LeaveDecided = "leave-decided";
    public const string PolicyBroadcast = "policy-broadcast";
    public const string SignInCode = "sign-in-code";

    public static IReadOnlyList<SmsTemplate> All { get; } =
    [
        New(HouseholdWelcome, "登记告知", "${head}您好，您户（户号${number}）已纳入结对联户，联户干部将上门走访，有困难请随时联系。"),
        New(ContactCard, "联系卡", "${head}您好，您户的联户干部是${unit}${cadre}，电话${phone}，有困难和诉求请随时联系。"),
        New(PetitionRegistered, "诉求登记", "您反映的${category}问题已登记，编号${number}，我们将在7日内告知办理进展。"),
        New(PetitionAccepted, "诉求受理", "您反映的问题（编号${number}）已受理，将于${due}前办结答复。"),
        New(PetitionNotAccepted, "不予受理", "您反映的问题（编号${number}）不予受理：${reason}"),
        New(PetitionProgress, "进展告知", "您反映的问题（编号${number}）办理进展：${note}"),
        New(PetitionAnswered, "答复告知", "您反映的问题（编号${number}）已答复（${outcome}），近期将回访；如不服可在30日内申请复查。"),
        New(PetitionClosed, "办结告知", "您反映的问题（编号${number}）已办结，感谢您的理解和支持。"),
        New(CaseAssigned, "交办提醒", "您有新的交办件${number}（${category}），请于${due}前受理。"),
        New(CaseDeadlineApproaching, "时限预警", "交办件${number}的${kind}时限将于${due}到期，请抓紧办理。"),
        New(CaseDeadlineMissed, "超期督办", "交办件${number}的${kind}时限已于${due}超期，已转督办。", urgent: true),
        New(LeaveRequested, "请假审批", "${cadre}申请请假${days}天（${first}至${last}），事由：${reason}，请及时审批。"),
        New(LeaveNextStep, "请假审批", "${cadre}的请假申请已通过上一级审批，请及时审批。"),
        New(LeaveDecided, "请假结果", "您的请假申请${result}。"),
        New(PolicyBroadcast, "政策宣传", "${content}回T退订", TemplateKind.Broadcast),
        New(SignInCode, "登录验证码", "您的登录验证码为${code}，5分钟内有效。如非本人操作，请勿告知他人并联系管理员。", urgent: true),
    ];

    private static SmsTemplate New(string code, string name, string text, TemplateKind kind = TemplateKind.Service, bool urgent = false) =>
        new() { Code = code, Name = name, Signature = Signature, Text = text, Kind = kind, Urgent = urgent, ProviderCodes = [] };
}
