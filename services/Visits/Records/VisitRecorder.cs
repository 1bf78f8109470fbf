using FluentValidation.Results;
using MassWork.Contracts.Visits.V1;
using MassWork.Visits.Demands;
using Microsoft.Extensions.Options;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Records;

/// <summary>The outcome of recording: the visit (Replayed when its client id was seen before), or what was wrong.</summary>
public sealed record RecordOutcome(Visit? Visit, bool Replayed, ValidationResult Validation, ProblemHttpResult? Refused);

/// <summary>
/// Records a visit: field checks, then, under a lock on (user, client id), the visit already
/// stored for that client id, or the households and cadres from the local read model, the
/// caller's scope (<see cref="VisitScope"/>), and the visit with its VisitRecorded event and a
/// DemandRaisedInVisit for each demand raised, in one transaction.
/// </summary>
public sealed class VisitRecorder(VisitsDbContext db, IValidator<VisitRequest> validator, IOptions<VisitOptions> options, TimeProvider time)
{
    public async Task<RecordOutcome> RecordAsync(VisitRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validation = validator.Validate(request, now);
        if (!validation.IsValid)
        {
            return new RecordOutcome(null, false, validation, null);
        }

        var visit = VisitValidator.Checked(request);

        // Under an Idempotency-Key the filter's transaction is already open; recording joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // A phone retrying its queue may send the same visit twice at once: the second waits here, then finds the first.
        await AdvisoryLock.WaitAsync(db, caller.UserId + "|" + visit.ClientId, cancellationToken);
        var stored = await db.Visits.AsNoTracking().Include(v => v.Households).Include(v => v.Cadres).Include(v => v.Demands).AsSplitQuery()
            .SingleOrDefaultAsync(v => v.RecordedBy == caller.UserId && v.ClientId == visit.ClientId, cancellationToken);
        if (stored is not null)
        {
            return new RecordOutcome(stored, true, validation, null);
        }

        var households = await db.Households.AsNoTracking().Where(h => visit.HouseholdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var cadres = await db.Cadres.AsNoTracking().Where(c => visit.CadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        Unknown(visit.HouseholdIds, households, "householdIds", "Not in the household register (a household registered moments ago may take a few seconds to arrive).", validation);
        Unknown(visit.CadreIds, cadres, "cadreIds", "Not a registered cadre (a cadre registered moments ago may take a few seconds to arrive).", validation);
        if (!validation.IsValid)
        {
            return new RecordOutcome(null, false, validation, null);
        }

        var pairings = await db.Pairings.AsNoTracking().Where(p => visit.CadreIds.Contains(p.CadreId)).ToListAsync(cancellationToken);
        var refusal = VisitScope.Check(caller, [.. visit.HouseholdIds.Select(id => households[id])], [.. visit.CadreIds.Select(id => cadres[id])], pairings, visit.VisitedAt);
        if (refusal is not null)
        {
            return new RecordOutcome(null, false, validation, refusal);
        }

        if (visit.Mode == VisitMode.GroupTalk
            && VisitRules.GroupTalkGroupsProblem(households.Values.Select(h => h.GroupId).OfType<Guid>().Distinct().Count()) is { } groups)
        {
            return new RecordOutcome(null, false, ValidationResults.Refuse("householdIds", groups), null);
        }

        var recorded = Visit.Record(visit, households.ToDictionary(h => h.Key, h => h.Value.VillageCode), caller.UserId, now, options.Value.LateEntryDays);
        db.Visits.Add(recorded);
        db.RaiseIntegrationEvent(Announcement(recorded), recorded.Id.ToString());
        foreach (var demand in recorded.Demands)
        {
            db.RaiseIntegrationEvent(DemandRecorder.Announcement(demand, recorded.Cadres.Select(c => c.CadreId)), demand.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new RecordOutcome(recorded, false, validation, null);
    }

    private static void Unknown<T>(IReadOnlyList<Guid> ids, Dictionary<Guid, T> known, string field, string message, ValidationResult validation)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            validation.Also($"{field}[{i}]", known.ContainsKey(ids[i]) ? null : message);
        }
    }

    internal static VisitRecorded Announcement(Visit v) => new(
        v.Id, v.Mode.ToString(), v.VisitedAt, v.RecordedAt, v.RecordedBy, v.LateEntry,
        [.. v.Cadres.Select(c => c.CadreId)],
        [.. v.Households.Select(h => new VisitedHousehold(h.HouseholdId, h.VillageCode))],
        v.Place is not null, v.PolicyTopics, v.AidCashFen, v.AidGoodsValueFen, v.ServicesDone);
}
