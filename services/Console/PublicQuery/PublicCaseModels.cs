namespace MassWork.Console.PublicQuery;

public sealed record CodeRequestAnswer(string Detail, double CodeMinutes, double ResendSeconds);

public sealed record QuerySessionOpened(string Token, DateTimeOffset ExpiresAt);

public sealed record PublicCaseView(
    string Number,
    string MatterType,
    string Category,
    string Status,
    DateTimeOffset RegisteredAt,
    string? Office,
    DateTimeOffset? ResolveDueAt,
    string? NotAcceptedReason,
    string? Outcome,
    string? Opinion,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ClosedAt,
    string? Rating,
    DateTimeOffset? RatedAt,
    bool MayRate,
    IReadOnlyList<PublicCaseStep> Steps);

public sealed record PublicCaseStep(string Action, string Status, DateTimeOffset At);
