namespace MassWork.Personnel.Attendance;

/// <summary>Who must approve a leave, by its length (domain guide, "Attendance and leave", 000).</summary>
public static class LeaveChain
{
    public const int MaxDays = 60;

    /// <summary>
    /// 1 day: the team leader. 2 days: the team leader agrees, then the town party secretary
    /// approves. 3 days or more: the city leader assigned to the town (挂点市领导).
    /// </summary>
    public static IReadOnlyList<LeaveStep> StepsFor(int days) => days switch
    {
        < 1 => throw new ArgumentOutOfRangeException(nameof(days), days, "A leave lasts at least one day."),
        1 => [LeaveStep.TeamLeader],
        2 => [LeaveStep.TeamLeader, LeaveStep.TownPartySecretary],
        _ => [LeaveStep.CityLeader],
    };

    /// <summary>
    /// The cadre who decides a step. Nobody approves their own leave: when the team leader asks,
    /// the team-leader step goes to the town party secretary instead.
    /// </summary>
    public static Guid? ApproverFor(LeaveStep step, Guid requesterId, LeaveApprovers approvers)
    {
        var approver = step switch
        {
            LeaveStep.TeamLeader => approvers.TeamLeader,
            LeaveStep.TownPartySecretary => approvers.TownPartySecretary,
            _ => approvers.CityLeader,
        };
        return approver == requesterId && step == LeaveStep.TeamLeader ? approvers.TownPartySecretary
            : approver == requesterId ? null
            : approver;
    }

    /// <summary>Calendar days from the first to the last day, both included.</summary>
    public static int DaysBetween(DateOnly first, DateOnly last) => last.DayNumber - first.DayNumber + 1;
}

public sealed record LeaveApprovers(Guid? TeamLeader, Guid? TownPartySecretary, Guid? CityLeader);

public enum LeaveStep
{
    /// <summary>队长.</summary>
    TeamLeader,

    /// <summary>乡镇党委书记.</summary>
    TownPartySecretary,

    /// <summary>挂点市领导.</summary>
    CityLeader,
}
