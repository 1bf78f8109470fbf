using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Figures;

/// <summary>
/// One line of the 民情台账 (village ledger): the matter, the household, who holds and owns it,
/// where it stands and its dates (Asia/Shanghai). An accuser is never named in a list.
/// </summary>
public sealed record LedgerLine(
    Guid Id,
    string Number,
    DateTimeOffset RegisteredAt,
    string Channel,
    string MatterType,
    string CategoryCode,
    string RegionCode,
    string? HouseholdNumber,
    string? HouseholdHead,
    string? Petitioner,
    string Summary,
    string Status,
    string? Holder,
    string? Handler,
    string? LeadLeader,
    DateTimeOffset? ResolveDueAt,
    bool Overdue,
    DateTimeOffset? AnsweredAt,
    string? Outcome,
    string? Satisfaction,
    DateTimeOffset? ClosedAt,
    int RepeatCount,
    bool SkipLevel,
    bool Supervised);

public sealed record LedgerPage(long Total, int Page, int PageSize, IReadOnlyList<LedgerLine> Lines);

/// <summary>
/// Filters of the ledger; dates are Asia/Shanghai days, inclusive. <paramref name="SeesAccusers"/>:
/// whether the caller may know who accused (<see cref="CaseAccess.SeesAccusers"/>); otherwise a
/// household's lines leave its accusations out, which would name it as the accuser.
/// </summary>
public sealed record LedgerFilter(string Region, DateOnly? From, DateOnly? To, CaseStatus? Status, string? Category, MatterType? MatterType, Guid? HouseholdId, bool? Overdue, bool? Supervised,
    bool SeesAccusers);

public sealed class LedgerQuery(PetitionsDbContext db, TimeProvider time)
{
    private const int SummaryLength = 60;

    public async Task<LedgerPage> PageAsync(LedgerFilter filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var cases = db.Cases.AsNoTracking().Where(c => c.RegionCode.StartsWith(filter.Region));
        if (filter.From is { } from)
        {
            var start = DeadlineCalculator.EndOfLocalDay(from.AddDays(-1));
            cases = cases.Where(c => c.RegisteredAt >= start);
        }

        if (filter.To is { } to)
        {
            var end = DeadlineCalculator.EndOfLocalDay(to);
            cases = cases.Where(c => c.RegisteredAt < end);
        }

        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.Category is { } category)
        {
            cases = cases.Where(c => c.CategoryCode == category);
        }

        if (filter.MatterType is { } type)
        {
            cases = cases.Where(c => c.MatterType == type);
        }

        if (filter.HouseholdId is { } household)
        {
            cases = cases.Where(c => c.HouseholdId == household);
            if (!filter.SeesAccusers)
            {
                cases = cases.Where(c => c.MatterType != MatterType.Accusation);
            }
        }

        if (filter.Overdue is { } overdue)
        {
            cases = cases.Where(c => db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.MetAt == null && d.CancelledAt == null && d.DueAt <= now && !CaseDeadline.Windows.Contains(d.Kind)) == overdue);
        }

        if (filter.Supervised is { } supervised)
        {
            cases = cases.Where(c => (c.SupervisedAt != null) == supervised);
        }

        return await PageOfAsync(cases, page, pageSize, now, cancellationToken);
    }

    public async Task<LedgerPage> WorkOrdersAsync(string departmentCode, int page, int pageSize, CancellationToken cancellationToken) =>
        await PageOfAsync(
            db.Cases.AsNoTracking().Where(c => c.Holder!.Kind == HolderKind.Department && c.Holder.Code == departmentCode
                && (c.Status == CaseStatus.Escalated || c.Status == CaseStatus.InProgress || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.Accepted)),
            page, pageSize, time.GetUtcNow(), cancellationToken);

    private async Task<LedgerPage> PageOfAsync(IQueryable<Case> cases, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var total = await cases.LongCountAsync(cancellationToken);
        var rows = await cases
            .OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                c.Id, c.Number, c.RegisteredAt, c.Channel, c.MatterType, c.CategoryCode, c.RegionCode, c.PetitionerName,
                Summary = c.Content.Substring(0, SummaryLength), c.Status, HolderName = c.Holder!.Name, c.Ownership!.HandlerName, c.Ownership.LeadLeader,
                c.ResolveDueAt, c.AnsweredAt, c.Outcome, c.Satisfaction, c.ClosedAt, c.RepeatCount, c.SkipLevel, c.SupervisedAt,
                Household = db.Households.Where(h => h.Id == c.HouseholdId).Select(h => new { h.HouseholdNumber, h.HeadName }).FirstOrDefault(),
                Overdue = db.CaseDeadlines.Any(d => d.CaseId == c.Id && d.MetAt == null && d.CancelledAt == null && d.DueAt <= now && !CaseDeadline.Windows.Contains(d.Kind)),
            })
            .ToListAsync(cancellationToken);
        var lines = rows.Select(r =>
        {
            var accusation = r.MatterType == MatterType.Accusation;
            return new LedgerLine(r.Id, r.Number, ChinaTime.Local(r.RegisteredAt), r.Channel.ToString(), r.MatterType.ToString(), r.CategoryCode, r.RegionCode,
                accusation ? null : r.Household?.HouseholdNumber, accusation ? null : r.Household?.HeadName, accusation ? null : r.PetitionerName,
                r.Summary, r.Status.ToString(), r.HolderName, r.HandlerName, r.LeadLeader, ChinaTime.Local(r.ResolveDueAt), r.Overdue, ChinaTime.Local(r.AnsweredAt),
                r.Outcome?.ToString(), r.Satisfaction?.ToString(), ChinaTime.Local(r.ClosedAt), r.RepeatCount, r.SkipLevel, r.SupervisedAt is not null);
        }).ToList();
        return new LedgerPage(total, page, pageSize, lines);
    }
}
