namespace MassWork.Petitions.Cases;

/// <summary>An earlier case of the same household (or petitioner) and category.</summary>
public sealed record EarlierMatter(Guid Id, string Number, IntakeLevel Level, CaseStatus Status);

/// <summary>What intake does with a new matter given the earlier ones.</summary>
public sealed record IntakeDecision(bool Accepted, Guid? RepeatOf, bool SkipLevel, string? Reason)
{
    public static readonly IntakeDecision New = new(true, null, false, null);
}

/// <summary>
/// Repeat, 逐级 and 终结 checks at intake: a matter already closed after 复核 is not accepted
/// again; a matter still open is a repeat, linked to the open case; and a body above the one
/// already handling it does not accept it (越级).
/// </summary>
public static class IntakeCheck
{
    public static IntakeDecision Decide(IntakeLevel level, IReadOnlyCollection<EarlierMatter> earlier)
    {
        var terminated = earlier.FirstOrDefault(e => e.Status == CaseStatus.Terminated);
        if (terminated is not null)
        {
            return new IntakeDecision(false, terminated.Id, false, $"该事项已于复核后终结（{terminated.Number}），不再受理。");
        }

        var open = earlier.Where(e => CaseStatuses.IsOpen(e.Status)).OrderBy(e => e.Level).FirstOrDefault();
        if (open is null)
        {
            return IntakeDecision.New;
        }

        if (level > open.Level && CaseStatuses.BeingHandled.Contains(open.Status))
        {
            return new IntakeDecision(false, open.Id, true, $"该事项已由下级受理办理（{open.Number}），越级不予受理，请等待办理结果。");
        }

        return new IntakeDecision(false, open.Id, false, $"重复反映，已并入在办事项 {open.Number}。");
    }
}
