using MassWork.Contracts.Visits.V1;
using MassWork.Visits.Records;
using Microsoft.Extensions.Options;

namespace MassWork.Visits.Frequency;

/// <summary>
/// Raises VisitDueSoon, VisitOverdue and MeetingOverdue once per subject and period. Each sweep
/// first records who is behind (<see cref="AlertDetection"/>, under an advisory lock so one replica
/// detects at a time while the others go on announcing), then announces the alerts not yet raised
/// in batches claimed with FOR UPDATE SKIP LOCKED: the events go to the outbox and the alerts are
/// stamped raised in the same transaction, so several replicas never announce one twice.
/// </summary>
public sealed class FrequencySweeper(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<FrequencyOptions> options, IOptions<VisitOptions> visitOptions, ILogger<FrequencySweeper> logger)
    : PeriodicWork(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    protected override string WorkName => "Frequency sweep";

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SweepOnceAsync(cancellationToken);

    /// <summary>One sweep: detection, then every alert not yet raised; returns how many it raised.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        await DetectAsync(cancellationToken);
        var raised = 0;
        int batch;
        do
        {
            batch = await RaiseBatchAsync(cancellationToken);
            raised += batch;
        }
        while (batch == options.Value.BatchSize);

        if (raised > 0)
        {
            Logger.LogInformation("Frequency sweep raised {Count} reminders", raised);
        }

        return raised;
    }

    private async Task DetectAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VisitsDbContext>();
        var now = Time.GetUtcNow();
        var plan = SweepPlan.At(now, visitOptions.Value.LateEntryDays);
        var cities = await CityPolicies.LoadAsync(db, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mine = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock(hashtextextended('visits-frequency-detection', 0)) AS \"Value\"")
            .SingleAsync(cancellationToken);
        if (!mine)
        {
            return;
        }

        // Long sweeps of a whole city are expected; the statement timeout of a request is not theirs.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        var dueSoon = cities.Flags(p => plan.DueSoonOpen(p, now));
        if (dueSoon.Any(open => open))
        {
            await AlertDetection.HouseholdContactsAsync(db, cities, plan.Year, AlertLevel.DueSoon, dueSoon, now, cancellationToken);
            await AlertDetection.VillageDaysAsync(db, cities, plan.Year, AlertLevel.DueSoon, dueSoon, now, cancellationToken);
        }

        if (plan.OverdueYear is { } year)
        {
            var all = cities.Flags(_ => true);
            await AlertDetection.HouseholdContactsAsync(db, cities, year, AlertLevel.Overdue, all, now, cancellationToken);
            await AlertDetection.VillageDaysAsync(db, cities, year, AlertLevel.Overdue, all, now, cancellationToken);
        }

        if (plan.OverdueQuarter is { } quarter)
        {
            await AlertDetection.MeetingsAsync(db, cities, quarter, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<int> RaiseBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VisitsDbContext>();
        var now = Time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var alerts = await db.FrequencyAlerts.FromSql($"""
            SELECT * FROM frequency_alerts WHERE raised_at IS NULL ORDER BY id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
            """).AsNoTracking().ToListAsync(cancellationToken);
        if (alerts.Count == 0)
        {
            return 0;
        }

        var householdIds = alerts.Where(a => a.HouseholdId is not null).Select(a => a.HouseholdId!.Value).Distinct().ToList();
        var numbers = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        var cadreAlerts = alerts.Where(a => a.Kind != AlertKind.Meetings).ToList();
        string? Number(FrequencyAlert a) => a.HouseholdId is { } h ? numbers.GetValueOrDefault(h) : null;

        await db.CopyIntegrationEventsAsync(
            cadreAlerts.Where(a => a.Level == AlertLevel.DueSoon).Select(a => (
                new VisitDueSoon(a.Kind.ToString(), a.CadreId!.Value, a.HouseholdId, Number(a), a.VillageCode, a.FirstDay.Year, a.Required, a.Done, a.DueAt, now),
                a.CadreId!.Value.ToString())),
            now, cancellationToken);
        await db.CopyIntegrationEventsAsync(
            cadreAlerts.Where(a => a.Level == AlertLevel.Overdue).Select(a => (
                new VisitOverdue(a.Kind.ToString(), a.CadreId!.Value, a.HouseholdId, Number(a), a.VillageCode, a.FirstDay.Year, a.Required, a.Done, a.DueAt, now),
                a.CadreId!.Value.ToString())),
            now, cancellationToken);
        await db.CopyIntegrationEventsAsync(
            alerts.Where(a => a.Kind == AlertKind.Meetings).Select(a => (
                new MeetingOverdue(a.VillageCode, a.FirstDay.Year, Quarter.Of(a.FirstDay).Number, a.FirstDay, a.LastDay, a.Required, a.Done, now),
                a.VillageCode)),
            now, cancellationToken);
        var ids = alerts.Select(a => a.Id).ToArray();
        await db.Database.ExecuteSqlAsync($"UPDATE frequency_alerts SET raised_at = {now} WHERE id = ANY({ids})", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return alerts.Count;
    }
}
