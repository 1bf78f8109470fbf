using MassWork.Petitions.Cases;

namespace MassWork.Petitions.PublicQuery;

/// <summary>
/// A case as its petitioner may read it: where it is, what was decided and when, and their own
/// rating. Nothing names a person: not the petitioner (an accuser is never shown, even to a
/// session opened with their phone), nor the staff who handled it.
/// </summary>
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
    IReadOnlyList<PublicCaseStep> Steps)
{
    public static PublicCaseView For(Case c, string categoryName) => new(
        c.Number, c.MatterType.ToString(), categoryName, c.Status.ToString(), ChinaTime.Local(c.RegisteredAt), c.Holder?.Name,
        ChinaTime.Local(c.ResolveDueAt), c.NotAcceptedReason, c.Outcome?.ToString(), c.Opinion, ChinaTime.Local(c.AnsweredAt), ChinaTime.Local(c.ClosedAt),
        c.Rating?.ToString(), ChinaTime.Local(c.RatedAt), c.MayBeRated,
        [.. c.Steps.Where(s => PublicQueryPolicy.PublicSteps.Contains(s.Action)).OrderBy(s => s.At).Select(s => new PublicCaseStep(s.Action, s.ToStatus.ToString(), ChinaTime.Local(s.At)))]);
}

public sealed record PublicCaseStep(string Action, string Status, DateTimeOffset At);
