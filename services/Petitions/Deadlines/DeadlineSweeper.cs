using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Cases;
using Microsoft.Extensions.Options;

namespace MassWork.Petitions.Deadlines;

public sealed class SweeperOptions
{
    public const string Section = "Deadlines";

    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; set; } = 500;
}

/// <summary>
/// Raises DeadlineApproaching and DeadlineMissed once per deadline: the deadline row records that
/// it was raised, in the same transaction as the outbox event. A missed limit puts the case under
/// 督办; a window that runs out (<see cref="CaseDeadline.Windows"/>) just closes. Rows are claimed
/// with SKIP LOCKED, so replicas sweep side by side without doubling.
/// </summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, TimeProvider time, IOptions<SweeperOptions> options, ILogger<DeadlineSweeper> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string WorkName => "Deadline sweep";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        while (await SweepOnceAsync(cancellationToken) == options.Value.BatchSize)
        {
        }
    }

    /// <summary>One batch; returns how many deadlines it raised.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionsDbContext>();
        var now = Time.GetUtcNow();
        var batch = options.Value.BatchSize;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var missed = await db.CaseDeadlines.FromSql($"""
            SELECT * FROM case_deadlines
            WHERE met_at IS NULL AND cancelled_at IS NULL AND missed_raised_at IS NULL AND due_at <= {now}
            ORDER BY due_at LIMIT {batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        var windows = CaseDeadline.Windows.Select(k => k.ToString()).ToArray();
        var approaching = await db.CaseDeadlines.FromSql($"""
            SELECT * FROM case_deadlines
            WHERE met_at IS NULL AND cancelled_at IS NULL AND approaching_raised_at IS NULL AND warn_at <= {now} AND due_at > {now} AND kind <> ALL({windows})
            ORDER BY warn_at LIMIT {batch} FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (missed.Count + approaching.Count == 0)
        {
            return 0;
        }

        var caseIds = missed.Concat(approaching).Select(d => d.CaseId).Distinct().ToList();
        var cases = await db.Cases.Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        PetitionCaseRef Ref(Case c) => CaseEvents.Ref(c, categories.GetValueOrDefault(c.CategoryCode, c.CategoryCode));

        foreach (var deadline in approaching)
        {
            deadline.ApproachingRaisedAt = now;
            db.RaiseIntegrationEvent(new PetitionDeadlineApproaching(Ref(cases[deadline.CaseId]), deadline.Kind.ToString(), deadline.DueAt, now), deadline.CaseId.ToString());
        }

        foreach (var deadline in missed)
        {
            if (deadline.IsWindow)
            {
                deadline.Lapse(now);
                continue;
            }

            deadline.MissedRaisedAt = now;
            deadline.ApproachingRaisedAt ??= now;
            var c = cases[deadline.CaseId];
            var supervised = c.Supervise($"{deadline.Kind} 时限已过（{ChinaTime.Local(deadline.DueAt):yyyy-MM-dd HH:mm}），转督办", now);
            db.RaiseIntegrationEvent(new PetitionDeadlineMissed(Ref(c), deadline.Kind.ToString(), deadline.DueAt, supervised, now), deadline.CaseId.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A case changed under the sweep (a clerk met the deadline meanwhile): nothing was saved; the next sweep sees the new state.
            Logger.LogInformation("Deadline sweep met a concurrent case change; retrying on the next sweep");
            return 0;
        }

        Logger.LogInformation("Deadline sweep: {Approaching} approaching, {Missed} missed", approaching.Count, missed.Count);
        return Math.Max(missed.Count, approaching.Count);
    }
}
