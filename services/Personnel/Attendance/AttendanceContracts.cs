namespace MassWork.Personnel.Attendance;

public sealed record CheckInRequest(string? Note);

public sealed record CheckInResponse(Guid CadreId, DateOnly Day, DateTimeOffset CheckedInAt, bool AlreadyCheckedIn);

public sealed record PresenceLine(
    Guid CadreId, string Name, string Role, Guid TeamId, string VillageCode, int PresentDays, int ApprovedLeaveDays, int RequiredDays, bool MeetsPolicy);

public sealed record PresenceReport(string Period, DateOnly First, DateOnly Last, int PolicyDays, IReadOnlyList<PresenceLine> Members);

public sealed record RequestLeaveRequest(DateOnly? FirstDay, DateOnly? LastDay, string? Reason);

public sealed record DecideLeaveRequest(bool? Approve, string? Comment);

public sealed record LeaveDecisionResponse(string Step, Guid ApproverCadreId, bool Approved, string? Comment, DateTimeOffset DecidedAt, string DecidedBy);

public sealed record LeaveResponse(
    Guid Id, Guid CadreId, string CadreName, DateOnly FirstDay, DateOnly LastDay, int Days, string Reason, string Status,
    IReadOnlyList<string> Steps, string? CurrentStep, Guid? CurrentApproverCadreId, DateTimeOffset RequestedAt, IReadOnlyList<LeaveDecisionResponse> Decisions);
