using MassWork.Projects.Ledger;
using MassWork.Projects.Projects;
using Microsoft.Extensions.Options;

namespace MassWork.Projects.Publicity;

/// <summary>
/// Builds notices from the projects, their money totals by source and their payments not reversed,
/// three queries for any number of projects.
/// </summary>
public sealed class Notices(ProjectsDbContext db, IOptions<ProjectsOptions> options)
{
    public int PublicityDays => options.Value.PublicityDays;

    /// <summary>A project is on the board from approval; rejected, cancelled or merely proposed ones are not.</summary>
    public static bool Shown(ProjectStage stage) => stage is ProjectStage.Approved or ProjectStage.UnderWay or ProjectStage.Accepted or ProjectStage.Published;

    public async Task<List<NoticeView>> BuildAsync(IReadOnlyList<Project> projects, CancellationToken cancellationToken)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var balances = (await db.SourceBalances.AsNoTracking().Where(b => ids.Contains(b.ProjectId)).ToListAsync(cancellationToken)).ToLookup(b => b.ProjectId);
        var payees = (await db.LedgerEntries.AsNoTracking()
                .Where(e => ids.Contains(e.ProjectId) && e.Kind == EntryKind.Payment && e.Payee != null && !db.LedgerEntries.Any(r => r.ReversesEntryId == e.Id))
                .GroupBy(e => new { e.ProjectId, e.Payee })
                .Select(g => new { g.Key.ProjectId, Payee = g.Key.Payee!, PaidFen = g.Sum(e => e.AmountFen) })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.ProjectId);
        return projects.Select(p =>
        {
            var sources = balances[p.Id].OrderBy(b => b.Source).Select(b => new NoticeSource(b.Source.ToString(), b.BudgetFen, b.PaidFen)).ToList();
            return new NoticeView(
                p.Id, p.Title, p.Category.ToString(), p.RegionCode, p.Stage.ToString(), sources.Sum(s => s.BudgetFen), sources.Sum(s => s.PaidFen), sources,
                payees[p.Id].OrderByDescending(x => x.PaidFen).ThenBy(x => x.Payee, StringComparer.Ordinal).Select(x => new NoticePayee(x.Payee, x.PaidFen)).ToList(),
                p.ProgressPercent, p.BeneficiaryCount, ChinaTime.Local(p.AcceptedAt), p.CouncilSignedBy.Length, ChinaTime.Local(p.PublishedAt),
                ChinaTime.Local(p.PublishedAt?.AddDays(PublicityDays)));
        }).ToList();
    }
}
