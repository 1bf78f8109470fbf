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
    public const string PetitionExtended = "petition-extended";
    public const string PetitionAnswered = "petition-answered";
    public const string PetitionClosed = "petition-closed";
    public const string CaseAssigned = "case-assigned";
    public const string CaseDeadlineApproaching = "case-deadline-approaching";
    public const string CaseDeadlineMissed = "case-deadline-missed";
    public const string LeaveRequested = "leave-requested";
    public const string LeaveNextStep = "leave-next-step";
    public const string LeaveDecided = "leave-decided";
    public const string PolicyBroadcast = "policy-broadcast";
    public const string VisitContactsDueSoon = "visit-contacts-due-soon";
    public const string VisitContactsOverdue = "visit-contacts-overdue";
    public const string VillageDaysDueSoon = "village-days-due-soon";
    public const string VillageDaysOverdue = "village-days-overdue";
    public const string VisitDigest = "visit-digest";
    public const string ProjectCompleted = "project-completed";
    public const string SignInCode = "sign-in-code";
    public const string CaseQueryCode = "case-query-code";

    public static IReadOnlyList<SmsTemplate> All { get; } =
    [
        New(HouseholdWelcome, "登记告知", "${head}您好，您户（户号${number}）已纳入结对联户，联户干部将上门走访，有困难请随时联系。"),
        New(ContactCard, "联系卡", "${head}您好，您户的联户干部是${unit}${cadre}，电话${phone}，有困难和诉求请随时联系。"),
        New(PetitionRegistered, "诉求登记", "您反映的${category}问题已登记，编号${number}，我们将在7日内告知办理进展。查询：${link}"),
        New(PetitionAccepted, "诉求受理", "您反映的问题（编号${number}）已受理，将于${due}前办结答复。查询：${link}"),
        New(PetitionNotAccepted, "不予受理", "您反映的问题（编号${number}）不予受理：${reason}。查询：${link}"),
        New(PetitionProgress, "进展告知", "您反映的问题（编号${number}）办理进展：${note}。查询：${link}"),
        New(PetitionExtended, "延期告知", "您反映的问题（编号${number}）办理期限延长${days}日，将于${due}前办结，原因：${reason}。查询：${link}"),
        New(PetitionAnswered, "答复告知", "您反映的问题（编号${number}）已答复（${outcome}），查看答复并评价：${link}；如不服可在30日内申请复查。"),
        New(PetitionClosed, "办结告知", "您反映的问题（编号${number}）已办结，欢迎评价：${link}"),
        New(CaseAssigned, "交办提醒", "您有新的交办件${number}（${category}），请于${due}前受理。"),
        New(CaseDeadlineApproaching, "时限预警", "交办件${number}的${kind}时限将于${due}到期，请抓紧办理。"),
        New(CaseDeadlineMissed, "超期督办", "交办件${number}的${kind}时限已于${due}超期，已转督办。", urgent: true),
        New(LeaveRequested, "请假审批", "${cadre}申请请假${days}天（${first}至${last}），事由：${reason}，请及时审批。"),
        New(LeaveNextStep, "请假审批", "${cadre}的请假申请已通过上一级审批，请及时审批。"),
        New(LeaveDecided, "请假结果", "您的请假申请${result}。"),
        New(VisitContactsDueSoon, "走访提醒", "您结对联系的户（户号${number}）今年已走访${done}次，须在${due}前走访满${required}次，请尽快安排。"),
        New(VisitContactsOverdue, "走访逾期", "您结对联系的户（户号${number}）${year}年走访${done}次，未达到${required}次的要求，请尽快补访。"),
        New(VillageDaysDueSoon, "驻村提醒", "您今年驻村走访${done}天，须在${due}前达到${required}天，请尽快安排。"),
        New(VillageDaysOverdue, "驻村逾期", "您${year}年驻村走访${done}天，未达到${required}天的要求。"),
        New(VisitDigest, "走访周报", "本周走访提醒：联户走访逾期${overdue}户次、临近期限${dueSoon}户次，驻村天数不足${days}人次，民情分析联席会逾期${meetings}村次，请督促落实。"),
        New(PolicyBroadcast, "政策宣传", "${content}回T退订", TemplateKind.Broadcast),
        New(ProjectCompleted, "项目竣工", "您好，惠及您户的为民办实事项目“${title}”已竣工验收，将在村务公开栏公示，欢迎监督。"),
        New(CaseQueryCode, "查询验证码", "您查询诉求办理情况的验证码为${code}，${minutes}分钟内有效，请勿告知他人。", urgent: true),
        New(SignInCode, "登录验证码", "您的登录验证码为${code}，${minutes}分钟内有效。如非本人操作，请勿告知他人并联系管理员。", urgent: true),
    ];

    private static SmsTemplate New(string code, string name, string text, TemplateKind kind = TemplateKind.Service, bool urgent = false) =>
        new() { Code = code, Name = name, Signature = Signature, Text = text, Kind = kind, Urgent = urgent, ProviderCodes = [] };
}
