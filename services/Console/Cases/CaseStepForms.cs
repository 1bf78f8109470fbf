namespace MassWork.Console.Cases;

/// <summary>What staff fill in for a step; each step's form posts only the fields it shows.</summary>
public sealed class StepForm
{
    public string? Step { get; set; }

    public string? Reason { get; set; }

    public string? Note { get; set; }

    public string? Opinion { get; set; }

    public string? Outcome { get; set; }

    public string? Satisfaction { get; set; }

    public bool HandlerAtFault { get; set; }

    public int? Days { get; set; }

    /// <summary>The new holder as "Region|code|name" or "Department|code|name".</summary>
    public string? Holder { get; set; }

    public string? DepartmentCode { get; set; }

    public string? MediationStep { get; set; }

    public string? Level { get; set; }

    public string? LeadLeader { get; set; }

    public string? ResponsibleOffice { get; set; }

    public string? HandlerName { get; set; }

    public string? HandlerUserId { get; set; }

    public DateOnly? ResolutionDeadline { get; set; }

    public string? RevisitTarget { get; set; }
}

/// <summary>A form field: the StepForm property it fills, its label, and the request's JSON field the service names in its errors.</summary>
public sealed record StepField(string Name, string Label, string JsonName);

/// <summary>One step's button and form: its title, the fields asked, how it is sent and the body the service takes.</summary>
public sealed record CaseStepForm(string Route, string Title, IReadOnlyList<StepField> Fields, Func<StepForm, object> Body, bool IsPut = false, bool Primary = false);

/// <summary>
/// The forms of the steps the petitions service names (<c>CaseView.Steps</c>): the console shows a
/// step's button only when the service lists it, so who may do what stays the service's rule.
/// </summary>
public static class CaseStepForms
{
    private static readonly StepField Reason = new(nameof(StepForm.Reason), "理由", "reason");
    private static readonly StepField Note = new(nameof(StepForm.Note), "说明", "note");
    private static readonly StepField Outcome = new(nameof(StepForm.Outcome), "处理结果", "outcome");
    private static readonly StepField Opinion = new(nameof(StepForm.Opinion), "处理意见", "opinion");

    public static readonly IReadOnlyList<CaseStepForm> All =
    [
        new("assign", "转送交办", [new(nameof(StepForm.Holder), "交办给", "code"), Note],
            f =>
            {
                var holder = f.Holder?.Split('|', 3) ?? [];
                return new { kind = holder.ElementAtOrDefault(0), code = holder.ElementAtOrDefault(1), name = holder.ElementAtOrDefault(2), note = f.Note };
            },
            Primary: true),
        new("accept", "受理", [], _ => new { }, Primary: true),
        new("start", "开始办理", [], _ => new { }, Primary: true),
        new("sign", "签收", [], _ => new { }, Primary: true),
        new("answer", "答复", [Outcome, Opinion], f => new { outcome = f.Outcome, opinion = f.Opinion }, Primary: true),
        new("revisit", "回访", [new(nameof(StepForm.Satisfaction), "满意度", "satisfaction"), new(nameof(StepForm.HandlerAtFault), "不满意由办理不当造成", "handlerAtFault"), Note],
            f => new { satisfaction = f.Satisfaction, handlerAtFault = f.HandlerAtFault, note = f.Note }, Primary: true),
        new("review-answer", "复查复核答复", [Outcome, Opinion], f => new { outcome = f.Outcome, opinion = f.Opinion }, Primary: true),
        new("ownership", "五定", [
                new(nameof(StepForm.LeadLeader), "牵头领导", "leadLeader"), new(nameof(StepForm.ResponsibleOffice), "责任股室", "responsibleOffice"),
                new(nameof(StepForm.HandlerName), "办案人", "handlerName"), new(nameof(StepForm.HandlerUserId), "办案人账号", "handlerUserId"),
                new(nameof(StepForm.ResolutionDeadline), "化解时限", "resolutionDeadline"), new(nameof(StepForm.RevisitTarget), "回访对象", "revisitTarget")],
            f => new
            {
                leadLeader = f.LeadLeader, responsibleOffice = f.ResponsibleOffice, handlerUserId = f.HandlerUserId, handlerName = f.HandlerName,
                resolutionDeadline = f.ResolutionDeadline, revisitTarget = f.RevisitTarget,
            }, IsPut: true),
        new("progress-call-backs", "7日回告", [Note], f => new { note = f.Note }),
        new("extension", "延期", [new(nameof(StepForm.Days), "延长天数", "days"), Reason], f => new { days = f.Days, reason = f.Reason }),
        new("escalate", "提交部门办理", [new(nameof(StepForm.DepartmentCode), "部门", "departmentCode"), Reason], f => new { departmentCode = f.DepartmentCode, reason = f.Reason }),
        new("mediation", "调解", [new(nameof(StepForm.MediationStep), "调解环节", "step"), new(nameof(StepForm.Level), "化解层级", "level"), Note],
            f => new { step = f.MediationStep, level = f.Level, note = f.Note }),
        new("object", "异议（不属本单位职责）", [Reason], f => new { reason = f.Reason }),
        new("send-back", "退单", [Reason], f => new { reason = f.Reason }),
        new("not-accept", "不予受理", [Reason], f => new { reason = f.Reason }),
        new("review-requests", "申请复查复核", [Reason], f => new { reason = f.Reason }),
    ];

    /// <summary>The forms of the steps the service offers, main steps first.</summary>
    public static IReadOnlyList<CaseStepForm> Offered(IReadOnlyList<string> steps) => [.. All.Where(f => steps.Contains(f.Route))];

    public static CaseStepForm? Of(string? route) => All.FirstOrDefault(f => f.Route == route);
}
