namespace MassWork.Personnel.Attendance;

/// <summary>
/// A resident member's written leave request (请假). Nobody leaves before the last step approves;
/// one rejection ends it; decisions are final and each is kept as an audit row.
/// </summary>
public sealed class LeaveRequest
{
    private LeaveRequest()
    {
    }

    public Guid Id { get; private set; }

    public Guid CadreId { get; private set; }

    public Guid TeamId { get; private set; }

    public string TownCode { get; private set; } = "";

    public DateOnly FirstDay { get; private set; }

    public DateOnly LastDay { get; private set; }

    public int Days { get; private set; }

    public string Reason { get; private set; } = "";

    public List<LeaveStep> Steps { get; private set; } = [];

    public int CurrentStepIndex { get; private set; }

    public LeaveStatus Status { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public List<LeaveDecision> Decisions { get; private set; } = [];

    /// <summary>PostgreSQL xmin: two approvers deciding at once cannot both succeed.</summary>
    public uint Version { get; private set; }

    public LeaveStep? CurrentStep => Status == LeaveStatus.Pending ? Steps[CurrentStepIndex] : null;

    public static LeaveRequest Create(Guid cadreId, Guid teamId, string townCode, DateOnly first, DateOnly last, string reason, DateTimeOffset now)
    {
        var days = LeaveChain.DaysBetween(first, last);
        return new LeaveRequest
        {
            Id = Guid.CreateVersion7(now),
            CadreId = cadreId,
            TeamId = teamId,
            TownCode = townCode,
            FirstDay = first,
            LastDay = last,
            Days = days,
            Reason = reason,
            Steps = [.. LeaveChain.StepsFor(days)],
            Status = LeaveStatus.Pending,
            RequestedAt = now,
        };
    }

    /// <summary>Records the current step's decision; throws when the leave was already decided.</summary>
    public LeaveDecision Decide(Guid approverCadreId, string decidedBy, bool approve, string? comment, DateTimeOffset now)
    {
        if (Status != LeaveStatus.Pending)
        {
            throw new InvalidOperationException($"The leave is already {Status.ToString().ToLowerInvariant()}; decisions are final.");
        }

        var decision = new LeaveDecision
        {
            Id = Guid.CreateVersion7(now),
            LeaveId = Id,
            Step = Steps[CurrentStepIndex],
            ApproverCadreId = approverCadreId,
            DecidedBy = decidedBy,
            Approved = approve,
            Comment = comment,
            DecidedAt = now,
        };
        Decisions.Add(decision);
        if (!approve)
        {
            Status = LeaveStatus.Rejected;
        }
        else if (CurrentStepIndex == Steps.Count - 1)
        {
            Status = LeaveStatus.Approved;
        }
        else
        {
            CurrentStepIndex++;
        }

        return decision;
    }
}

public enum LeaveStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>One approver's decision on one step; never changed after it is written.</summary>
public sealed class LeaveDecision
{
    public Guid Id { get; init; }

    public Guid LeaveId { get; init; }

    public LeaveStep Step { get; init; }

    public Guid ApproverCadreId { get; init; }

    public required string DecidedBy { get; init; }

    public bool Approved { get; init; }

    public string? Comment { get; init; }

    public DateTimeOffset DecidedAt { get; init; }
}
