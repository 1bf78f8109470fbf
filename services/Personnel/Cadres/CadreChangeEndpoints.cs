using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.People;
using MassWork.Personnel.Registers;
using MassWork.Personnel.Teams;

namespace MassWork.Personnel.Cadres;

/// <summary>Corrections to the cadre and unit registers, their retirement, and the history of both.</summary>
public static class CadreChangeEndpoints
{
    public static IEndpointRouteBuilder MapCadreChangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var cadres = routes.MapGroup("/api/personnel/cadres/{id:guid}").WithTags("Cadres");
        cadres.MapPut("/", EditAsync).WithName("EditCadre")
            .WithSummary("Correct a cadre's entry (phone: omit to keep, \"\" to clear); the change is kept in the history")
            .RequireAuthorization(Permissions.ManageCadres);
        cadres.MapPost("/retire", RetireAsync).WithName("RetireCadre")
            .WithSummary("A cadre leaves the programme (调离、退休): their team place and pairings end, and coverage shows the gap")
            .RequireAuthorization(Permissions.ManageCadres);
        cadres.MapGet("/history", CadreHistoryAsync).WithName("CadreHistory").WithSummary("Every change to the cadre's entry: who, when, what, why");

        var units = routes.MapGroup("/api/personnel/units/{id:guid}").WithTags("Cadres");
        units.MapPut("/", RenameUnitAsync).WithName("RenameDispatchingUnit").WithSummary("Rename a dispatching unit; kept in the history")
            .RequireAuthorization(Permissions.ManageUnits);
        units.MapPost("/retire", RetireUnitAsync).WithName("RetireDispatchingUnit")
            .WithSummary("A unit is dissolved or merged (撤并); refused while it still sends work teams")
            .RequireAuthorization(Permissions.ManageUnits);
        units.MapGet("/history", UnitHistoryAsync).WithName("DispatchingUnitHistory").WithSummary("Every change to the unit's entry");
        return routes;
    }

    internal static async Task<Results<Ok<CadreResponse>, ValidationProblem, ProblemHttpResult>> EditAsync(
        Guid id, CadreRequest request, Caller caller, PersonnelDbContext db, IValidator<CadreRequest> validator, PersonalDataProtector protector,
        TimeProvider time, HttpRequest http, HttpResponse response, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The cadre is not valid");
        }

        var (details, phone) = CadreValidator.Checked(request);

        var cadre = await Scoped(db, caller).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cadre is null)
        {
            return Problems.NotFound($"Cadre {id}");
        }

        if (!caller.Covers(details.RegionCode))
        {
            return Problems.OutsideRegion("regionCode", details.RegionCode, caller.RegionPrefix);
        }

        if (await CadreEndpoints.ReferencesAsync(db, details, cancellationToken) is { } referenceProblem)
        {
            return referenceProblem;
        }

        if (Versions.IfMatchFails(http, cadre.Version))
        {
            return Stale(cadre.Version, StatusCodes.Status412PreconditionFailed);
        }

        var phoneEdit = request.Phone is null ? PhoneEdit.Keep : PhoneEdit.Set(phone is null ? null : SensitiveValue.Phone(protector, phone));
        var changes = cadre.Edit(details, phoneEdit);

        if (changes.Count > 0)
        {
            var now = time.GetUtcNow();
            db.RegisterChanges.Add(RegisterChange.Of(RegisterSubject.Cadre, id, RegisterAction.Edited, changes, null, now, caller.UserId));
            db.RaiseIntegrationEvent(
                CadreEvents.Updated(cadre, cadre.PhoneCipher is null ? null : protector.Decrypt(cadre.PhoneCipher), await CadreEndpoints.UnitNameAsync(db, cadre.UnitId, cancellationToken), now),
                cadre.Id.ToString());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Stale(cadre.Version, StatusCodes.Status409Conflict);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                return Problems.Conflict("User already linked", $"userId {cadre.UserId} already belongs to another cadre.");
            }
        }

        response.Headers.ETag = Versions.ETag(cadre.Version);
        return TypedResults.Ok(await CadreEndpoints.ResponseAsync(db, id, cancellationToken));
    }

    internal static async Task<Results<Ok<RetiredCadreResponse>, ValidationProblem, ProblemHttpResult>> RetireAsync(
        Guid id, RetireRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.ValidReason() is not { } reason)
        {
            return Problems.Invalid("reason", "Required (why the cadre leaves, e.g. 调离、退休), at most 200 characters.");
        }

        var cadre = await Scoped(db, caller).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cadre is null)
        {
            return Problems.NotFound($"Cadre {id}");
        }

        var now = time.GetUtcNow();
        cadre.Retire(reason, now);

        var memberships = await db.TeamMemberships.Where(m => m.CadreId == id && m.LeftAt == null).ToListAsync(cancellationToken);
        var teamIds = memberships.Select(m => m.TeamId).ToList();
        var teamVillages = await db.WorkTeams.Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.VillageCode, cancellationToken);
        var pairings = await db.Pairings.Where(p => p.CadreId == id && p.EndedAt == null).ToListAsync(cancellationToken);
        var ended = WorkEnding.End(memberships, pairings, caller.UserId, $"干部退出：{reason}", now);
        // A retired cadre approves no more leave: the town names another secretary or city leader.
        foreach (var officials in await db.TownOfficials.Where(o => o.PartySecretaryCadreId == id || o.CityLeaderCadreId == id).ToListAsync(cancellationToken))
        {
            officials.PartySecretaryCadreId = officials.PartySecretaryCadreId == id ? null : officials.PartySecretaryCadreId;
            officials.CityLeaderCadreId = officials.CityLeaderCadreId == id ? null : officials.CityLeaderCadreId;
        }

        db.RegisterChanges.Add(RegisterChange.Of(RegisterSubject.Cadre, id, RegisterAction.Retired,
            [new FieldChange("pairings", pairings.Count.ToString(), "0"), new FieldChange("teams", memberships.Count.ToString(), "0")], reason, now, caller.UserId));
        foreach (var pairingEnded in ended)
        {
            db.RaiseIntegrationEvent(pairingEnded, pairingEnded.PairingId.ToString());
        }

        foreach (var membership in memberships)
        {
            db.RaiseIntegrationEvent(TeamEvents.Left(membership, teamVillages[membership.TeamId]), membership.Id.ToString());
        }

        db.RaiseIntegrationEvent(new CadreRetired(id, reason, now), id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(cadre.Version, StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(new RetiredCadreResponse(
            await CadreEndpoints.ResponseAsync(db, id, cancellationToken), ended.Count, [.. ended.Select(e => e.HouseholdId).Distinct()]));
    }

    internal static async Task<Results<Ok<List<RegisterChangeResponse>>, ProblemHttpResult>> CadreHistoryAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken) =>
        await Scoped(db, caller).AnyAsync(c => c.Id == id, cancellationToken)
            ? TypedResults.Ok(await RegisterHistory.ReadAsync(db, RegisterSubject.Cadre, id, cancellationToken))
            : Problems.NotFound($"Cadre {id}");

    internal static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> RenameUnitAsync(
        Guid id, RenameRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, HttpRequest http, CancellationToken cancellationToken)
    {
        if (request.ValidName() is not { } name)
        {
            return Problems.Invalid("name", "Required, at most 100 characters.");
        }

        var unit = await db.DispatchingUnits.SingleOrDefaultAsync(u => u.Id == id && u.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (unit is null)
        {
            return Problems.NotFound($"Dispatching unit {id}");
        }

        if (Versions.IfMatchFails(http, unit.Version))
        {
            return Stale(unit.Version, StatusCodes.Status412PreconditionFailed);
        }

        try
        {
            var changes = unit.Rename(name);
            if (changes.Count > 0)
            {
                db.RegisterChanges.Add(RegisterChange.Of(RegisterSubject.Unit, id, RegisterAction.Edited, changes, null, time.GetUtcNow(), caller.UserId));
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Unit already registered", $"{name} is already a unit of {unit.RegionCode}.");
        }

        return TypedResults.Ok(CadreEndpoints.UnitResponseOf(unit));
    }

    internal static async Task<Results<Ok<UnitResponse>, ValidationProblem, ProblemHttpResult>> RetireUnitAsync(
        Guid id, RetireRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.ValidReason() is not { } reason)
        {
            return Problems.Invalid("reason", "Required (why the unit goes, e.g. 机构改革撤并), at most 200 characters.");
        }

        var unit = await db.DispatchingUnits.SingleOrDefaultAsync(u => u.Id == id && u.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (unit is null)
        {
            return Problems.NotFound($"Dispatching unit {id}");
        }

        var now = time.GetUtcNow();
        unit.Retire(reason, await db.WorkTeams.CountAsync(t => t.UnitId == id && t.RetiredAt == null, cancellationToken), now);

        db.RegisterChanges.Add(RegisterChange.Of(RegisterSubject.Unit, id, RegisterAction.Retired, [], reason, now, caller.UserId));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(CadreEndpoints.UnitResponseOf(unit));
    }

    internal static async Task<Results<Ok<List<RegisterChangeResponse>>, ProblemHttpResult>> UnitHistoryAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken) =>
        await db.DispatchingUnits.AnyAsync(u => u.Id == id && u.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken)
            ? TypedResults.Ok(await RegisterHistory.ReadAsync(db, RegisterSubject.Unit, id, cancellationToken))
            : Problems.NotFound($"Dispatching unit {id}");

    private static IQueryable<Cadre> Scoped(PersonnelDbContext db, Caller caller) => db.Cadres.Where(c => c.RegionCode.StartsWith(caller.RegionPrefix));

    private static ProblemHttpResult Stale(uint version, int status) =>
        TypedResults.Problem(statusCode: status, title: "The entry was changed by someone else",
            detail: $"Reload it (current version {Versions.ETag(version)}) and apply your change again.");
}
