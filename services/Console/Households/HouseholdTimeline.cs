using MassWork.Console.Gateway;
using MassWork.Console.Cases;
using MassWork.Console.Dashboard;
using MassWork.Console.Sms;
using MassWork.Console.Visits;

namespace MassWork.Console.Households;

/// <summary>One event in a household's life across the services; Href leads to the record behind it.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Kind, string Title, string? Detail, string? Href);

/// <summary>A source the timeline lacks, and why (the service refused the user, or is down).</summary>
public sealed record MissingSource(string Name, ApiProblem Problem);

/// <summary>
/// 一户一档: a household's pairings, visits, cases, projects and SMS merged into one timeline, newest
/// first. Each service answers for itself: one that refuses the user or is down leaves its entries
/// out and is named, and the rest still show.
/// </summary>
public sealed record HouseholdTimeline(IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<MissingSource> Missing)
{
    /// <summary>How many of each source's newest records the page asks for.</summary>
    public const int PerSource = 50;

    public static HouseholdTimeline Of(HouseholdSources sources)
    {
        var entries = new List<TimelineEntry>();
        var missing = new List<MissingSource>();

        Add(sources.Pairings, "结对", pairings => pairings.SelectMany(p => new[]
        {
            new TimelineEntry(p.StartedAt, "结对", $"与{p.CadreName}结对（{Labels.TeamRole(p.Kind)}）", null, null),
        }.Concat(p.EndedAt is { } ended ? [new TimelineEntry(ended, "结对", $"与{p.CadreName}的结对结束", p.EndReason, null)] : [])));
        Add(sources.Visits, "走访", list => list.Visits.Select(v => new TimelineEntry(
            v.VisitedAt, "走访", $"{VisitLabels.Mode(v.Mode)}：{string.Join("、", v.Cadres.Select(c => c.Name))}", v.Notes, $"/visits/{v.Id}")));
        Add(sources.Cases, "诉求", ledger => ledger.Lines.Select(c => new TimelineEntry(
            c.RegisteredAt, "诉求", $"{c.Number} {CaseLabels.Status(c.Status)}", c.Summary, $"/cases/{c.Id}")));
        Add(sources.Projects, "项目", page => page.Items.Select(p => new TimelineEntry(
            p.ProposedAt, "项目", $"受益项目：{p.Title}（{Labels.Stage(p.Stage)}）", null, $"/projects/{p.Id}")));
        Add(sources.Messages, "短信", list => list.Messages.Select(m => new TimelineEntry(
            m.SentAt ?? m.CreatedAt, "短信", $"短信（{SmsLabels.MessageStatus(m.Status)}）", m.Text, null)));

        return new HouseholdTimeline([.. entries.OrderByDescending(e => e.At)], missing);

        void Add<T>(ApiResult<T> result, string name, Func<T, IEnumerable<TimelineEntry>> read)
        {
            if (result.Value is { } value)
            {
                entries.AddRange(read(value));
            }
            else
            {
                missing.Add(new MissingSource(name, result.Problem!));
            }
        }
    }
}
