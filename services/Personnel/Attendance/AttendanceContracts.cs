namespace MassWork.Personnel.Attendance;

public sealed record CheckInRequest(string? Note, double? Latitude, double? Longitude, double? AccuracyMeters);

public sealed record CheckInResponse(Guid CadreId, DateOnly Day, DateTimeOffset CheckedInAt, bool AlreadyCheckedIn, int? DistanceMeters, bool? FarFromVillage);

public sealed record CheckInLine(
    Guid CadreId, string Name, Guid TeamId, string VillageCode, DateOnly Day, DateTimeOffset CheckedInAt,
    double? Latitude, double? Longitude, double? AccuracyMeters, int? DistanceMeters, bool? FarFromVillage, string? Note);

public sealed record CheckInPage(IReadOnlyList<CheckInLine> Items, int Total);

public sealed record PresenceLine(
    Guid CadreId, string Name, string Role, Guid TeamId, string VillageCode, int PresentDays, int ApprovedLeaveDays, int RequiredDays, bool MeetsPolicy,
    int FarCheckIns);

public sealed record PresenceReport(string Period, DateOnly First, DateOnly Last, int PolicyDays, IReadOnlyList<PresenceLine> Members);

public sealed record RequestLeaveRequest(DateOnly? FirstDay, DateOnly? LastDay, string? Reason);

public sealed record DecideLeaveRequest(bool? Approve, string? Comment);

public sealed record LeaveDecisionResponse(string Step, Guid ApproverCadreId, bool Approved, string? Comment, DateTimeOffset DecidedAt, string DecidedBy);

public sealed record LeaveResponse(
    Guid Id, Guid CadreId, string CadreName, DateOnly FirstDay, DateOnly LastDay, int Days, string Reason, string Status,
    IReadOnlyList<string> Steps, string? CurrentStep, Guid? CurrentApproverCadreId, DateTimeOffset RequestedAt, IReadOnlyList<LeaveDecisionResponse> Decisions);
