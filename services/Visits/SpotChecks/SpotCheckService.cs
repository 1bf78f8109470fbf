using MassWork.Contracts.Visits.V1;

namespace MassWork.Visits.SpotChecks;

/// <summary>
/// Draws phone spot-checks from the visits recorded and records the calls' answers. The draw
/// streams the households visited in the region and period through <see cref="SpotCheckSample"/>,
/// then reads the visits and cadres of the households drawn; an answer goes through
/// <see cref="SpotCheckCall.Answer"/>, and a failed call raises <see cref="SpotCheckFailed"/> in
/// the same transaction.
/// </summary>
public sealed class SpotCheckService(VisitsDbContext db, TimeProvider time)
{
    public async Task<SpotCheckView> DrawAsync(SpotCheckRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var draw = SpotCheckValidation.Check(request, caller, ChinaTime.LocalDate(now));
        var (start, end) = (ChinaTime.StartOf(draw.FirstDay), ChinaTime.StartOf(draw.LastDay.AddDays(1)));
        var prefix = draw.RegionPrefix + "%";
        var sample = new SpotCheckSample(draw.Seed, draw.SampleSize);
        await foreach (var householdId in db.Database.SqlQuery<Guid>($"""
            SELECT DISTINCT vh.household_id AS "Value"
            FROM visit_households vh JOIN visits v ON v.id = vh.visit_id
            WHERE vh.village_code LIKE {prefix} AND v.visited_at >= {start} AND v.visited_at < {end}
            """).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            sample.Offer(householdId);
        }

        var drawn = sample.Drawn.ToList();
        var visits = await db.VisitHouseholds.AsNoTracking()
            .Where(vh => drawn.Contains(vh.HouseholdId) && vh.VillageCode.StartsWith(draw.RegionPrefix))
            .Join(db.Visits.Where(v => v.VisitedAt >= start && v.VisitedAt < end), vh => vh.VisitId, v => v.Id, (vh, v) => new { vh.HouseholdId, vh.VillageCode, VisitId = v.Id, v.VisitedAt })
            .ToListAsync(cancellationToken);
        var visitIds = visits.Select(v => v.VisitId).Distinct().ToList();
        var cadres = (await db.Set<Records.VisitCadre>().AsNoTracking().Where(c => visitIds.Contains(c.VisitId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.VisitId, c => c.CadreId);
        var households = visits.GroupBy(v => v.HouseholdId).ToDictionary(g => g.Key, g => new SampledHousehold(
            g.Key,
            g.OrderByDescending(v => v.VisitedAt).First().VillageCode,
            [.. g.Select(v => v.VisitId).Distinct()],
            [.. g.SelectMany(v => cadres[v.VisitId]).Distinct()]));

        var check = SpotCheck.Draw(draw, sample, households, caller.UserId, now);
        db.SpotChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        return (await NamesAsync(check.Calls, cancellationToken)).View(check);
    }

    public async Task<SpotCheckView?> GetAsync(Guid id, Caller caller, CancellationToken cancellationToken)
    {
        var check = await Scoped(caller).Include(s => s.Calls).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return check is null ? null : (await NamesAsync(check.Calls, cancellationToken)).View(check);
    }

    /// <summary>The checks of regions within the caller's, newest first; a region filter narrows to checks drawn within it.</summary>
    public async Task<SpotCheckPage> ListAsync(Caller caller, string? region, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = Scoped(caller).AsNoTracking();
        if (region is not null)
        {
            query = query.Where(s => s.RegionPrefix.StartsWith(region));
        }

        var total = await query.LongCountAsync(cancellationToken);
        var checks = await query.OrderByDescending(s => s.DrawnAt).ThenByDescending(s => s.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(s => new SpotCheckSummary(s.Id, s.RegionPrefix, s.FirstDay, s.LastDay, s.Seed, s.SampleSize, s.Population, s.DrawnBy, s.DrawnAt))
            .ToListAsync(cancellationToken);
        return new SpotCheckPage(total, page, pageSize, [.. checks.Select(s => s with { DrawnAt = ChinaTime.Local(s.DrawnAt) })]);
    }

    /// <summary>
    /// Records a call's answer: 404 outside the caller's region, 412 when If-Match names another
    /// version, 409 when the call was answered already or is answered at the same moment by someone
    /// else; a failed call announces <see cref="SpotCheckFailed"/> with the visits it flags.
    /// </summary>
    public async Task<Results<Ok<CallView>, ProblemHttpResult>> AnswerAsync(
        Guid id, Guid callId, CallAnswer answer, Caller caller, HttpContext http, CancellationToken cancellationToken)
    {
        var check = await Scoped(caller).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        var call = check is null ? null : await db.SpotCheckCalls.SingleOrDefaultAsync(c => c.Id == callId && c.SpotCheckId == id, cancellationToken);
        if (check is null || call is null)
        {
            return Problems.NotFound($"Call {callId} of spot-check {id}");
        }

        if (Versions.IfMatchFails(http.Request, call.Version))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The call changed",
                detail: $"If-Match {http.Request.Headers.IfMatch} is not the current version {Versions.ETag(call.Version)}; read the check again.");
        }

        var now = time.GetUtcNow();
        if (call.Answer(answer, caller.UserId, now) == CallOutcome.Failed)
        {
            db.RaiseIntegrationEvent(new SpotCheckFailed(check.Id, call.Id, call.HouseholdId, call.VillageCode, check.RegionPrefix, check.FirstDay, check.LastDay,
                call.VisitIds, call.CadreIds, call.AnsweredAt!.Value), call.Id.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The call changed", "Someone else answered this call at the same time; read the check again.");
        }

        http.Response.Headers.ETag = Versions.ETag(call.Version);
        return TypedResults.Ok((await NamesAsync([call], cancellationToken)).Call(call));
    }

    private IQueryable<SpotCheck> Scoped(Caller caller) => db.SpotChecks.Where(s => s.RegionPrefix.StartsWith(caller.RegionPrefix));

    private async Task<SpotCheckNames> NamesAsync(IReadOnlyCollection<SpotCheckCall> calls, CancellationToken cancellationToken)
    {
        var householdIds = calls.Select(c => c.HouseholdId).Distinct().ToList();
        var cadreIds = calls.SelectMany(c => c.CadreIds).Distinct().ToList();
        var visitIds = calls.SelectMany(c => c.VisitIds).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .ToDictionaryAsync(h => h.Id, h => (h.HouseholdNumber, h.HeadName), cancellationToken);
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => visitIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => (v.VisitedAt, v.Mode), cancellationToken);
        return new SpotCheckNames(households, cadres, visits);
    }
}
