namespace MassWork.Petitions.Cases;

/// <summary>
/// The groups of statuses the rules and the figures speak of. SQL that counts by them takes these
/// arrays as parameters, so a status added to the enum is placed in one spot.
/// </summary>
public static class CaseStatuses
{
    /// <summary>Not yet said whether anyone accepts it: 登记 and 转送/交办.</summary>
    public static readonly CaseStatus[] AwaitingAcceptance = [CaseStatus.Registered, CaseStatus.Assigned];

    /// <summary>Final for this case: nothing more is done on it unless 复查/复核 is asked.</summary>
    public static readonly CaseStatus[] Finished = [CaseStatus.Closed, CaseStatus.Terminated];

    /// <summary>Someone has taken the matter on (受理) and it has not been finished.</summary>
    public static readonly CaseStatus[] BeingHandled = [CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Escalated, CaseStatus.Answered, CaseStatus.UnderReview];

    /// <summary>Still open: neither refused (不予受理) nor finished.</summary>
    public static bool IsOpen(CaseStatus status) => status != CaseStatus.NotAccepted && !Finished.Contains(status);

    /// <summary>Was accepted at some point: everything but refused and still awaiting acceptance.</summary>
    public static bool WasAccepted(CaseStatus status) => status != CaseStatus.NotAccepted && !AwaitingAcceptance.Contains(status);

    /// <summary>The statuses for which <paramref name="rule"/> holds, by name, for SQL parameters.</summary>
    public static string[] Where(Func<CaseStatus, bool> rule) =>
        [.. Enum.GetValues<CaseStatus>().Where(rule).Select(s => s.ToString())];
}
