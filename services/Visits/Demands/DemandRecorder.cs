using FluentValidation.Results;
using MassWork.Contracts.Visits.V1;
using MassWork.Visits.Records;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Demands;

/// <summary>The outcome of adding a demand: the demand (Replayed when its client id was seen before on the visit), or what was wrong.</summary>
public sealed record DemandOutcome(Demand? Demand, bool Replayed, ValidationResult Validation, ProblemHttpResult? Refused);

/// <summary>
/// Adds a demand to a visit already recorded (the household rang back, or the clerk enters it from
/// the diary): the visit within the caller's region, the household one of its households and in
/// the caller's region, a work team member only on their own visits; then, under a lock on
/// (visit, client id), the demand already stored for that client id, or the demand with its
/// DemandRaisedInVisit event in one transaction.
/// </summary>
public sealed class DemandRecorder(VisitsDbContext db, IValidator<DemandInput> validator, TimeProvider time)
{
    public async Task<DemandOutcome> AddAsync(Guid visitId, DemandInput input, Caller caller, CancellationToken cancellationToken)
    {
        var visit = await db.Visits.AsNoTracking().Include(v => v.Households).Include(v => v.Cadres).AsSplitQuery()
            .Where(v => v.Households.Any(h => h.VillageCode.StartsWith(caller.RegionPrefix)))
            .SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        if (visit is null)
        {
            return new DemandOutcome(null, false, new ValidationResult(), Problems.NotFound($"Visit {visitId}"));
        }

        var households = new VisitHouseholds([.. visit.Households.Select(h => h.HouseholdId)]);
        var validation = validator.Validate(input, households);
        if (!validation.IsValid)
        {
            return new DemandOutcome(null, false, validation, null);
        }

        var demand = DemandValidator.Checked(input, households.Ids);

        var village = visit.Households.Single(h => h.HouseholdId == demand.HouseholdId).VillageCode;
        if (!caller.Covers(village))
        {
            return new DemandOutcome(null, false, validation, Problems.OutsideRegion("householdId", village, caller.RegionPrefix));
        }

        if (VisitScope.ActsAsCadre(caller))
        {
            var cadreIds = visit.Cadres.Select(c => c.CadreId).ToList();
            if (!await db.Cadres.AnyAsync(c => cadreIds.Contains(c.Id) && c.UserId == caller.UserId, cancellationToken))
            {
                return new DemandOutcome(null, false, validation, Problems.Forbidden(
                    $"visitId: a work team member adds demands to their own visits, and none of the visit's cadres is linked to your login {caller.UserId}."));
            }
        }

        // Under an Idempotency-Key the filter's transaction is already open; adding joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await AdvisoryLock.WaitAsync(db, visitId + "|" + demand.ClientId, cancellationToken);
        var stored = await db.Demands.AsNoTracking().SingleOrDefaultAsync(d => d.VisitId == visitId && d.ClientId == demand.ClientId, cancellationToken);
        if (stored is not null)
        {
            return new DemandOutcome(stored, true, validation, null);
        }

        var raised = Demand.Raise(demand, visitId, village, visit.VisitedAt, caller.UserId, time.GetUtcNow());
        db.Demands.Add(raised);
        db.RaiseIntegrationEvent(Announcement(raised, visit.Cadres.Select(c => c.CadreId)), raised.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new DemandOutcome(raised, false, validation, null);
    }

    public static DemandRaisedInVisit Announcement(Demand d, IEnumerable<Guid> cadreIds) => new(
        d.Id, d.VisitId, d.HouseholdId, d.VillageCode, d.CategoryCode, d.MatterType.ToString(), d.Content, d.RaisedAt, d.RecordedBy, [.. cadreIds]);
}
