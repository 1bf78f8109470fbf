namespace MassWork.Contracts.Personnel.V1;

/// <summary>
/// A resident member asked for leave (请假); it waits for the approver named here (the first step
/// of the chain: team leader, town party secretary or the city leader assigned to the town).
/// </summary>
public sealed record LeaveRequested(
    Guid LeaveId,
    Guid CadreId,
    string CadreName,
    DateOnly FirstDay,
    DateOnly LastDay,
    int Days,
    string Reason,
    string ApproverRole,
    Guid ApproverCadreId,
    string ApproverName,
    string? ApproverPhone,
    DateTimeOffset RequestedAt);

/// <summary>
/// One approval step was decided. Status is the leave's status after it: "Pending" (the next
/// approver is named), "Approved" or "Rejected" (final).
/// </summary>
public sealed record LeaveDecided(
    Guid LeaveId,
    Guid CadreId,
    string CadreName,
    string? CadrePhone,
    string Step,
    string Decision,
    string Status,
    Guid DecidedByCadreId,
    string? Comment,
    DateTimeOffset DecidedAt,
    string? NextApproverRole = null,
    Guid? NextApproverCadreId = null,
    string? NextApproverName = null,
    string? NextApproverPhone = null);
