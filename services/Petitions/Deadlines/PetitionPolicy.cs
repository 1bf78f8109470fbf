namespace MassWork.Petitions.Deadlines;

/// <summary>12345-style limits for one class of work order: dispatch (派单) and result (办结).</summary>
public sealed record WorkOrderLimits(DeadlineRule Dispatch, DeadlineRule Result);

/// <summary>
/// A city's petition time limits, stored and editable. The defaults are the 信访工作条例 (2022)
/// figures, the seeds' 7-day progress call-back and 1-month revisit, and Beijing 12345's
/// work-order classes.
/// </summary>
public sealed record PetitionPolicy
{
    /// <summary>Register, then route or assign (转送/交办).</summary>
    public DeadlineRule Route { get; init; } = DeadlineRule.Days(15);

    /// <summary>Tell the petitioner whether it is accepted (告知受理).</summary>
    public DeadlineRule Accept { get; init; } = DeadlineRule.Days(15);

    /// <summary>A body that receives a matter outside its remit objects within this limit (异议).</summary>
    public DeadlineRule Objection { get; init; } = DeadlineRule.WorkingDays(5);

    /// <summary>Handle and close (办结) after acceptance.</summary>
    public DeadlineRule Resolve { get; init; } = DeadlineRule.Days(60);

    /// <summary>The one extension, approved with a reason, adds at most this many days.</summary>
    public int MaxExtensionDays { get; init; } = 30;

    /// <summary>A registered matter gets a progress call-back (seed 002: 7 days).</summary>
    public DeadlineRule ProgressCallBack { get; init; } = DeadlineRule.Days(7);

    /// <summary>An answered matter is revisited (回访) within this limit (seed 002: 1 month).</summary>
    public DeadlineRule Revisit { get; init; } = DeadlineRule.Months(1);

    /// <summary>复查 or 复核 may be requested within this limit of the opinion.</summary>
    public DeadlineRule ReviewWindow { get; init; } = DeadlineRule.Days(30);

    /// <summary>A 复查 or 复核 is answered within this limit.</summary>
    public DeadlineRule ReviewAnswer { get; init; } = DeadlineRule.Days(30);

    /// <summary>An answer the petitioner rejected for the handler's fault is redone within this limit.</summary>
    public DeadlineRule Redo { get; init; } = DeadlineRule.Days(15);

    /// <summary>12345 hotline cases are revisited the day after they are answered.</summary>
    public DeadlineRule HotlineRevisit { get; init; } = DeadlineRule.Days(1);

    /// <summary>Work-order classes by name; each category names one.</summary>
    public IReadOnlyDictionary<string, WorkOrderLimits> WorkOrderClasses { get; init; } = new Dictionary<string, WorkOrderLimits>
    {
        ["Emergency"] = new(DeadlineRule.Hours(1), DeadlineRule.Hours(2)),
        ["Utilities"] = new(DeadlineRule.Hours(2), DeadlineRule.Hours(24)),
        ["General"] = new(DeadlineRule.Hours(24), DeadlineRule.Days(7)),
        ["Complex"] = new(DeadlineRule.Hours(24), DeadlineRule.Days(15)),
    };

    /// <summary>Group visits send at most this many representatives (走访代表).</summary>
    public int MaxRepresentatives { get; init; } = 5;

    public static PetitionPolicy Default { get; } = new();

    public WorkOrderLimits WorkOrder(string workOrderClass) =>
        WorkOrderClasses.TryGetValue(workOrderClass, out var limits) ? limits : WorkOrderClasses["General"];
}
