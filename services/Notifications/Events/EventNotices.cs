using MassWork.Contracts.Personnel.V1;
using MassWork.Contracts.Petitions.V1;
using MassWork.Contracts.Projects.V1;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Templates;

namespace MassWork.Notifications.Events;

/// <summary>Where a household's notices go: one member's phone (the head's first) and the village it lives in.</summary>
public sealed record HouseholdPhone(Guid HouseholdId, string Phone, string VillageCode);

/// <summary>
/// Which notices each event produces, to whom, with which template and values — the one place to
/// extend when a new event should reach someone. Each notice's key is derived from the event, so a
/// redelivered event writes nothing new.
/// </summary>
public static class EventNotices
{
    public static IEnumerable<MessageRequest> Welcome(Guid householdId, string number, string village, IReadOnlyList<HouseholdMemberContact> members)
    {
        var head = members.FirstOrDefault(m => m.IsHead && m.Phone is not null) ?? members.FirstOrDefault(m => m.Phone is not null);
        if (head is not null)
        {
            var headName = members.FirstOrDefault(m => m.IsHead)?.Name ?? head.Name;
            yield return new MessageRequest(DefaultTemplates.HouseholdWelcome, new Dictionary<string, string> { ["head"] = headName, ["number"] = number },
                head.Phone!, village, $"welcome:{householdId}", householdId);
        }
    }

    /// <summary>联系卡: every member with a phone, family working away included, learns who their cadre is.</summary>
    public static IEnumerable<MessageRequest> ContactCard(PairingStarted e) =>
        e.CadrePhone is null
            ? []
            : e.HouseholdMembers.Where(m => m.Phone is not null).Select(m => new MessageRequest(DefaultTemplates.ContactCard,
                new Dictionary<string, string> { ["head"] = e.HeadName, ["unit"] = e.CadreUnit ?? "", ["cadre"] = e.CadreName, ["phone"] = e.CadrePhone },
                m.Phone!, e.VillageCode, $"contact-card:{e.PairingId}:{m.MemberId}", e.HouseholdId));

    public static IEnumerable<MessageRequest> LeaveRequested(LeaveRequested e, string regionCode) =>
        e.ApproverPhone is null
            ? []
            : [new MessageRequest(DefaultTemplates.LeaveRequested, LeaveValues(e.CadreName, e.FirstDay, e.LastDay, e.Days, e.Reason),
                e.ApproverPhone, regionCode, $"leave-requested:{e.LeaveId}:{e.ApproverCadreId}")];

    /// <summary>A decided step tells the next approver, or the requester once the leave is approved or rejected.</summary>
    public static IEnumerable<MessageRequest> LeaveDecided(LeaveDecided e, string regionCode)
    {
        if (e.Status == "Pending" && e.NextApproverPhone is not null)
        {
            yield return new MessageRequest(DefaultTemplates.LeaveNextStep, new Dictionary<string, string> { ["cadre"] = e.CadreName },
                e.NextApproverPhone, regionCode, $"leave-requested:{e.LeaveId}:{e.NextApproverCadreId}");
        }
        else if (e.Status != "Pending" && e.CadrePhone is not null)
        {
            yield return new MessageRequest(DefaultTemplates.LeaveDecided, new Dictionary<string, string> { ["result"] = e.Status == "Approved" ? "已批准" : "未获批准" },
                e.CadrePhone, regionCode, $"leave-decided:{e.LeaveId}");
        }
    }

    public static IEnumerable<MessageRequest> PetitionRegistered(PetitionRegistered e, string queryUrl) =>
        e.NotAcceptedReason is { } reason
            ? ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionNotAccepted, new() { ["number"] = e.Case.CaseNumber, ["reason"] = Gist(reason) }, "registered")
            : ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionRegistered, new() { ["number"] = e.Case.CaseNumber, ["category"] = e.Case.CategoryName }, "registered");

    public static IEnumerable<MessageRequest> PetitionAccepted(PetitionAccepted e, string queryUrl) =>
        ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionAccepted, new() { ["number"] = e.Case.CaseNumber, ["due"] = e.ResolveDue is { } d ? Day(d) : "规定时限" }, "accepted");

    public static IEnumerable<MessageRequest> PetitionNotAccepted(PetitionNotAccepted e, string queryUrl) =>
        ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionNotAccepted, new() { ["number"] = e.Case.CaseNumber, ["reason"] = Gist(e.Reason) }, "not-accepted");

    public static IEnumerable<MessageRequest> PetitionProgress(PetitionProgressCalledBack e, string queryUrl) =>
        ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionProgress, new() { ["number"] = e.Case.CaseNumber, ["note"] = Gist(e.Note) }, $"progress:{e.At.UtcTicks}");

    /// <summary>延期告知: the one extension of the handling limit, with the new date and why (条例: the petitioner is told).</summary>
    public static IEnumerable<MessageRequest> PetitionExtended(PetitionExtended e, string queryUrl) =>
        ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionExtended,
            new() { ["number"] = e.Case.CaseNumber, ["days"] = e.Days.ToString(), ["due"] = Day(e.ResolveDue), ["reason"] = Gist(e.Reason) }, "extended");

    public static IEnumerable<MessageRequest> PetitionAnswered(PetitionAnswered e, string queryUrl) =>
        ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionAnswered, new() { ["number"] = e.Case.CaseNumber, ["outcome"] = OutcomeText(e.Outcome) }, $"answered:{e.At.UtcTicks}");

    public static IEnumerable<MessageRequest> PetitionClosed(PetitionClosed e, string queryUrl) =>
        ToPetitioner(e.Case, queryUrl, DefaultTemplates.PetitionClosed, new() { ["number"] = e.Case.CaseNumber }, $"closed:{e.At.UtcTicks}");

    public static IEnumerable<MessageRequest> OwnerAssigned(PetitionOwnershipSet e, string ownerPhone) =>
        [new MessageRequest(DefaultTemplates.CaseAssigned,
            new Dictionary<string, string> { ["number"] = e.Case.CaseNumber, ["category"] = e.Case.CategoryName, ["due"] = e.ResolutionDeadline.ToString("yyyy年M月d日") },
            ownerPhone, e.Case.RegionCode, $"owner-assigned:{e.Case.CaseId}:{e.HandlerUserId}", ActBy: e.NextDue)];

    public static IEnumerable<MessageRequest> OwnerDeadline(PetitionCaseRef c, string kind, DateTimeOffset due, bool missed, string ownerPhone) =>
        [new MessageRequest(missed ? DefaultTemplates.CaseDeadlineMissed : DefaultTemplates.CaseDeadlineApproaching,
            new Dictionary<string, string> { ["number"] = c.CaseNumber, ["kind"] = DeadlineText(kind), ["due"] = Time(due) },
            ownerPhone, c.RegionCode, $"deadline:{c.CaseId}:{kind}:{due.UtcTicks}:{(missed ? "missed" : "approaching")}", ActBy: missed ? null : due)];

    /// <summary>
    /// A cadre behind on visits (VisitDueSoon, VisitOverdue): their contacts with a paired household,
    /// or their days in the village. The key is the reminder's subject and year, so it goes once.
    /// </summary>
    public static IEnumerable<MessageRequest> VisitReminder(VisitReminderFacts r, string cadrePhone)
    {
        var contacts = r.Kind == "HouseholdContacts";
        var template = (contacts, r.Overdue) switch
        {
            (true, false) => DefaultTemplates.VisitContactsDueSoon,
            (true, true) => DefaultTemplates.VisitContactsOverdue,
            (false, false) => DefaultTemplates.VillageDaysDueSoon,
            (false, true) => DefaultTemplates.VillageDaysOverdue,
        };
        var values = new Dictionary<string, string>
        {
            ["done"] = r.Done.ToString(), ["required"] = r.Required.ToString(), ["year"] = r.Year.ToString(), ["due"] = Day(r.DueAt),
        };
        if (contacts)
        {
            values["number"] = r.HouseholdNumber ?? "";
        }

        // No ActBy: the year's end falls at midnight, and a reminder weeks ahead is no reason to break the quiet hours.
        yield return new MessageRequest(template, values, cadrePhone, r.VillageCode, r.Key, r.HouseholdId);
    }

    /// <summary>The week's reminders about a team leader's village, counted; one a leader and weekly slot.</summary>
    public static MessageRequest VisitDigest(Guid leaderId, DateTimeOffset slot, int contactsOverdue, int contactsDueSoon, int villageDays, int meetingsOverdue, string phone, string regionCode) =>
        new(DefaultTemplates.VisitDigest, new Dictionary<string, string>
            {
                ["overdue"] = contactsOverdue.ToString(), ["dueSoon"] = contactsDueSoon.ToString(), ["days"] = villageDays.ToString(), ["meetings"] = meetingsOverdue.ToString(),
            },
            phone, regionCode, $"visit-digest:{leaderId}:{slot.UtcTicks}");

    /// <summary>
    /// 项目竣工: each beneficiary household with a phone hears once that the project was completed; the
    /// title is cut to keep the notice one billed message.
    /// </summary>
    public static IEnumerable<MessageRequest> ProjectCompleted(ProjectCompleted e, IEnumerable<HouseholdPhone> households)
    {
        var title = e.Project.Title is { Length: > 0 } t ? (t.Length > 20 ? t[..20] + "…" : t) : "村组公益";
        return households.DistinctBy(h => h.HouseholdId).Select(h => new MessageRequest(DefaultTemplates.ProjectCompleted, new Dictionary<string, string> { ["title"] = title },
            h.Phone, h.VillageCode, $"project-completed:{e.Project.ProjectId}:{h.HouseholdId}", h.HouseholdId));
    }

    /// <summary>
    /// Every notice to a petitioner carries the short link to the public query page (查询), where they
    /// follow and rate the case. A notice to an accuser is withheld from the history and tied to no household.
    /// </summary>
    private static IEnumerable<MessageRequest> ToPetitioner(PetitionCaseRef c, string queryUrl, string template, Dictionary<string, string> values, string step)
    {
        if (c.Petitioner?.Phone is not { } phone)
        {
            return [];
        }

        values["link"] = CaseQueryLink.For(queryUrl, c.CaseNumber);
        return c.IdentityProtected
            ? [new MessageRequest(template, values, phone, c.RegionCode, $"petition:{c.CaseId}:{step}", Disclosure: MessageDisclosure.Withheld)]
            : [new MessageRequest(template, values, phone, c.RegionCode, $"petition:{c.CaseId}:{step}", c.HouseholdId)];
    }

    /// <summary>
    /// Free text a step was given (up to 500 characters) cut to what one notice can carry: the whole
    /// signed notice must stay within 500 characters, or it would not be sent at all.
    /// </summary>
    private static string Gist(string text, int max = 200) => text.Length > max ? text[..max] + "…" : text;

    private static Dictionary<string, string> LeaveValues(string cadre, DateOnly first, DateOnly last, int days, string reason) => new()
    {
        ["cadre"] = cadre, ["first"] = Day(first), ["last"] = Day(last), ["days"] = days.ToString(), ["reason"] = Gist(reason, 30),
    };

    private static string OutcomeText(string outcome) => outcome switch
    {
        "Supported" => "支持",
        "Explained" => "解释说明",
        "NotSupported" => "不予支持",
        "Adopted" => "已吸纳",
        "NotAdopted" => "未吸纳",
        _ => outcome,
    };

    private static string DeadlineText(string kind) => kind switch
    {
        "Route" => "转送交办",
        "Accept" => "受理告知",
        "ProgressCallBack" => "进展回告",
        "Resolve" => "办结",
        "Revisit" => "回访",
        "ReviewAnswer" => "复查复核答复",
        "Sign" => "签收",
        "WorkOrderResult" => "工单办理",
        _ => kind,
    };

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日");

    /// <summary>A day limit ends at midnight after its last day: name that last day.</summary>
    private static string Day(DateTimeOffset due) => ChinaTime.Local(due.AddTicks(-1)).ToString("yyyy年M月d日");

    private static string Time(DateTimeOffset instant) => ChinaTime.Local(instant).ToString("yyyy年M月d日 HH:mm");
}
