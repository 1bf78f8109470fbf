namespace MassWork.Petitions.Cases;

/// <summary>
/// One step of a case's life: its route under /api/petitions/cases/{id}/, the verb its refusal uses,
/// who may take it (<see cref="CasePermission"/>) and the statuses it may be taken from.
/// </summary>
public sealed record CaseAction(string Route, string Verb, CasePermission Permission, params CaseStatus[] From);

/// <summary>
/// Every step, in one table: the case's methods refuse a step from any other status, the endpoints
/// check its permission, and a case as read (<see cref="CaseView.Steps"/>) lists the steps its reader
/// may take now, so the web console shows exactly those buttons. Some steps also have conditions
/// of their own (the one extension, the review windows), which the case's method checks.
/// </summary>
public static class CaseActions
{
    public static readonly CaseAction Assign = new("assign", "assign", CasePermission.Route, CaseStatus.Registered);
    public static readonly CaseAction Reassign = new("assign", "reassign", CasePermission.Route, CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.InProgress);
    public static readonly CaseAction Accept = new("accept", "accept", CasePermission.Handle, CaseStatus.Assigned);
    public static readonly CaseAction NotAccept = new("not-accept", "refuse", CasePermission.Handle, CaseStatus.Assigned);
    public static readonly CaseAction Object = new("object", "object to", CasePermission.Handle, CaseStatus.Assigned);
    public static readonly CaseAction SendBack = new("send-back", "send back", CasePermission.Handle, CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Escalated);
    public static readonly CaseAction Start = new("start", "start", CasePermission.Handle, CaseStatus.Accepted);
    public static readonly CaseAction Ownership = new("ownership", "set the owners of", CasePermission.Route,
        CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Escalated, CaseStatus.UnderReview);
    public static readonly CaseAction CallBack = new("progress-call-backs", "call back on", CasePermission.Follow,
        CaseStatus.Registered, CaseStatus.Assigned, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Escalated, CaseStatus.UnderReview);
    public static readonly CaseAction Extend = new("extension", "extend", CasePermission.Approve, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Escalated);
    public static readonly CaseAction Escalate = new("escalate", "escalate", CasePermission.Handle, CaseStatus.Accepted, CaseStatus.InProgress);
    public static readonly CaseAction Sign = new("sign", "sign for", CasePermission.Handle, CaseStatus.Escalated);
    public static readonly CaseAction Answer = new("answer", "answer", CasePermission.Handle, CaseStatus.Accepted, CaseStatus.InProgress);
    public static readonly CaseAction Revisit = new("revisit", "revisit", CasePermission.Follow, CaseStatus.Answered);
    public static readonly CaseAction RequestReview = new("review-requests", "review", CasePermission.Follow, CaseStatus.Answered, CaseStatus.Closed);
    public static readonly CaseAction RequestReReview = new("review-requests", "re-review", CasePermission.Follow, CaseStatus.Closed);
    public static readonly CaseAction AnswerReview = new("review-answer", "answer the review of", CasePermission.Review, CaseStatus.UnderReview);
    public static readonly CaseAction Mediate = new("mediation", "mediate", CasePermission.Handle, CaseStatus.Accepted, CaseStatus.InProgress);

    public static readonly IReadOnlyList<CaseAction> All =
    [
        Assign, Reassign, Accept, NotAccept, Object, SendBack, Start, Ownership, CallBack, Extend, Escalate, Sign, Answer, Revisit,
        RequestReview, RequestReReview, AnswerReview, Mediate,
    ];

    /// <summary>The routes of the steps <paramref name="caller"/> may take on the case as it stands, in the table's order.</summary>
    public static IReadOnlyList<string> Available(Case c, Func<CasePermission, bool> allows) =>
        [.. All.Where(a => a.From.Contains(c.Status) && allows(a.Permission)).Select(a => a.Route).Distinct()];
}
