namespace MassWork.Console.Cases;

/// <summary>How a deadline is coloured in a queue: overdue, due within three days, or in time; met or cancelled ones are done.</summary>
public enum Urgency
{
    None,
    InTime,
    DueSoon,
    Overdue,
}

public static class DeadlineUrgency
{
    public static readonly TimeSpan Soon = TimeSpan.FromDays(3);

    public static Urgency Of(DateTimeOffset? dueAt, bool overdue, bool done, DateTimeOffset now) =>
        done || dueAt is null ? Urgency.None
        : overdue || dueAt <= now ? Urgency.Overdue
        : dueAt - now <= Soon ? Urgency.DueSoon
        : Urgency.InTime;

    /// <summary>The CSS class of an urgency (red, orange, green).</summary>
    public static string Css(Urgency urgency) => urgency switch
    {
        Urgency.Overdue => "mw-due-overdue",
        Urgency.DueSoon => "mw-due-soon",
        Urgency.InTime => "mw-due-ok",
        _ => "",
    };
}
