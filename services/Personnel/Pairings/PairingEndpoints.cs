namespace MassWork.Personnel.Pairings;

/// <summary>Pairings (结对) of cadres with households: start, end, and the history of either side.</summary>
public static class PairingEndpoints
{
    public static IEndpointRouteBuilder MapPairingEndpoints(this IEndpointRouteBuilder routes)
    {
        var pairings = routes.MapGroup("/api/personnel/pairings").WithTags("Pairing");
        pairings.MapPost("/", StartAsync).WithName("StartPairing")
            .WithSummary("Pair a cadre with a household (结对); one active pairing of each kind per household")
            .RequireAuthorization(Permissions.ManagePairings)
            .WithIdempotency<PersonnelDbContext>();
        pairings.MapPost("/{id:guid}/end", EndAsync).WithName("EndPairing").WithSummary("End a pairing; it stays in the history")
            .RequireAuthorization(Permissions.ManagePairings);
        pairings.MapGet("/", ListAsync).WithName("ListPairings").WithSummary("Pairings of a household or a cadre, with history");
        return routes;
    }

    internal static async Task<Results<Created<PairingResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartPairingRequest request, Caller caller, PersonnelDbContext db, IValidator<StartPairingRequest> validator, PersonalDataProtector protector,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The pairing is not valid");
        }

        EnumNames.TryParse<PairingKind>(request.Kind, out var kind);

        var household = await db.Households.AsNoTracking()
            .Where(h => h.Id == request.HouseholdId && h.VillageCode.StartsWith(caller.RegionPrefix))
            .Select(h => new { h.Id, h.HouseholdNumber, h.HeadName, h.VillageCode }).SingleOrDefaultAsync(cancellationToken);
        if (household is null)
        {
            return Problems.Invalid("householdId", $"No household {request.HouseholdId} in your region.");
        }

        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Id == request.CadreId).Select(c => new { c.Id, c.Name, c.RetiredAt }).SingleOrDefaultAsync(cancellationToken);
        if (cadre is null)
        {
            return Problems.Invalid("cadreId", $"No cadre {request.CadreId}.");
        }

        if (cadre.RetiredAt is not null)
        {
            return Problems.Invalid("cadreId", $"{cadre.Name} retired on {cadre.RetiredAt:yyyy-MM-dd} and takes no new households.");
        }

        var teamVillages = await db.TeamMemberships.Where(m => m.CadreId == cadre.Id && m.LeftAt == null)
            .Join(db.WorkTeams, m => m.TeamId, t => t.Id, (m, t) => t.VillageCode).Distinct().ToListAsync(cancellationToken);
        if (!TeamVillageRule.Allows(teamVillages, household.VillageCode))
        {
            return Problems.Conflict("Cadre serves another village",
                $"Cadre {cadre.Name} is on the work team of {string.Join(", ", teamVillages)}; household {household.HouseholdNumber} is in {household.VillageCode}.");
        }

        if (await db.Pairings.AnyAsync(p => p.HouseholdId == household.Id && p.CadreId == cadre.Id && p.EndedAt == null, cancellationToken))
        {
            return Problems.Conflict("Already paired", $"Cadre {cadre.Name} is already paired with household {household.HouseholdNumber}.");
        }

        var pairing = new Pairing
        {
            Id = Guid.CreateVersion7(), CadreId = cadre.Id, HouseholdId = household.Id, Kind = kind, VillageCode = household.VillageCode,
            StartedAt = time.GetUtcNow(), StartedBy = caller.UserId,
        };
        db.Pairings.Add(pairing);
        await PairingEvents.RaiseStartedAsync(db, protector, [pairing], cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Household already has this kind of cadre",
                $"Household {household.HouseholdNumber} already has an active {kind} pairing; end it first to reassign.");
        }

        return TypedResults.Created($"/api/personnel/pairings?householdId={household.Id}",
            new PairingResponse(pairing.Id, cadre.Id, cadre.Name, household.Id, household.HouseholdNumber, household.HeadName, kind.ToString(),
                pairing.VillageCode, pairing.StartedAt, pairing.StartedBy, null, null, null));
    }

    internal static async Task<Results<Ok<PairingResponse>, ValidationProblem, ProblemHttpResult>> EndAsync(
        Guid id, EndPairingRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 200)
        {
            return Problems.Invalid("reason", "Required (why the pairing ends), at most 200 characters.");
        }

        var pairing = await db.Pairings.SingleOrDefaultAsync(p => p.Id == id && p.VillageCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (pairing is null)
        {
            return Problems.NotFound($"Pairing {id}");
        }

        if (!pairing.IsActive)
        {
            return Problems.Conflict("Pairing already ended", $"It ended at {pairing.EndedAt:O}.");
        }

        pairing.End(time.GetUtcNow(), caller.UserId, reason);
        db.RaiseIntegrationEvent(PairingEvents.Ended(pairing), pairing.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok((await QueryAsync(db, db.Pairings.Where(p => p.Id == id), 0, 1, cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<List<PairingResponse>>, ValidationProblem>> ListAsync(
        Caller caller, PersonnelDbContext db, CancellationToken cancellationToken,
        Guid? householdId = null, Guid? cadreId = null, bool includeEnded = false, int page = 1, int pageSize = 100)
    {
        if (householdId is null && cadreId is null)
        {
            return Problems.Invalid("householdId", "Give householdId or cadreId.");
        }

        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var query = db.Pairings.Where(p => p.VillageCode.StartsWith(caller.RegionPrefix));
        if (householdId is not null)
        {
            query = query.Where(p => p.HouseholdId == householdId);
        }

        if (cadreId is not null)
        {
            query = query.Where(p => p.CadreId == cadreId);
        }

        if (!includeEnded)
        {
            query = query.Where(p => p.EndedAt == null);
        }

        return TypedResults.Ok(await QueryAsync(db, query, (page - 1) * pageSize, pageSize, cancellationToken));
    }

    private static Task<List<PairingResponse>> QueryAsync(PersonnelDbContext db, IQueryable<Pairing> query, int skip, int take, CancellationToken cancellationToken) =>
        query.AsNoTracking().OrderByDescending(p => p.StartedAt).ThenBy(p => p.Id).Skip(skip).Take(take)
            .Join(db.Cadres, p => p.CadreId, c => c.Id, (p, c) => new { p, c.Name })
            .Join(db.Households, x => x.p.HouseholdId, h => h.Id, (x, h) => new PairingResponse(
                x.p.Id, x.p.CadreId, x.Name, h.Id, h.HouseholdNumber, h.HeadName, x.p.Kind.ToString(), x.p.VillageCode,
                x.p.StartedAt, x.p.StartedBy, x.p.EndedAt, x.p.EndedBy, x.p.EndReason))
            .ToListAsync(cancellationToken);
}
