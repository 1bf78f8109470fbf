using MassWork.Personnel.Data;
using MassWork.Personnel.Regions;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Http;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.Personnel.Pairings;

public static class PairingEndpoints
{
    private static readonly string[] PairingRoles = [Roles.VillageStaff, Roles.TownStaff, Roles.WorkTeam, Roles.Operator];

    public static IEndpointRouteBuilder MapPairingEndpoints(this IEndpointRouteBuilder routes)
    {
        var policies = routes.MapGroup("/api/personnel/policies").WithTags("Pairing");
        policies.MapGet("/{cityCode}", GetPolicyAsync).WithName("GetCoveragePolicy").WithSummary("A city's coverage and presence policy");
        policies.MapPut("/{cityCode}", PutPolicyAsync).WithName("SetCoveragePolicy")
            .WithSummary("Set single or double coverage, minimum households per role and rank, and required presence days")
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Leader));

        var pairings = routes.MapGroup("/api/personnel/pairings").WithTags("Pairing");
        pairings.MapPost("/", StartAsync).WithName("StartPairing")
            .WithSummary("Pair a cadre with a household (结对); one active pairing of each kind per household")
            .RequireAuthorization(p => p.RequireRole(PairingRoles))
            .WithIdempotency<PersonnelDbContext>();
        pairings.MapPost("/{id:guid}/end", EndAsync).WithName("EndPairing").WithSummary("End a pairing; it stays in the history")
            .RequireAuthorization(p => p.RequireRole(PairingRoles));
        pairings.MapGet("/", ListAsync).WithName("ListPairings").WithSummary("Pairings of a household or a cadre, with history");

        var coverage = routes.MapGroup("/api/personnel/coverage").WithTags("Pairing");
        coverage.MapGet("/{code}", ReportAsync).WithName("CoverageReport")
            .WithSummary("双向全覆盖 report for a region: households, covered, double-covered, cadres below minimum, and the first gaps");
        coverage.MapGet("/{code}/uncovered", UncoveredAsync).WithName("UncoveredHouseholds").WithSummary("Households not covered under the policy, paged");
        coverage.MapGet("/{code}/cadres-below-minimum", BelowMinimumAsync).WithName("CadresBelowMinimum").WithSummary("Cadres with fewer households than their minimum, paged");
        return routes;
    }

    internal static async Task<Results<Ok<PolicyResponse>, ValidationProblem, ProblemHttpResult>> GetPolicyAsync(
        string cityCode, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        if (cityCode.Length != 4 || !cityCode.All(char.IsAsciiDigit))
        {
            return Problems.Invalid("cityCode", "The city's 4-digit code prefix, e.g. 3607.");
        }

        // Anyone working inside the city (or above it) reads its policy.
        if (!caller.RegionPrefix.StartsWith(cityCode, StringComparison.Ordinal) && !caller.Covers(cityCode))
        {
            return Problems.OutsideRegion("cityCode", cityCode, caller.RegionPrefix);
        }

        return TypedResults.Ok(PolicyResponse.From(await PolicyStore.ForRegionAsync(db, cityCode, cancellationToken)));
    }

    internal static async Task<Results<Ok<PolicyResponse>, ValidationProblem, ProblemHttpResult>> PutPolicyAsync(
        string cityCode, PolicyRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (cityCode.Length != 4 || !cityCode.All(char.IsAsciiDigit))
        {
            return Problems.Invalid("cityCode", "The city's 4-digit code prefix, e.g. 3607.");
        }

        if (!caller.Covers(cityCode))
        {
            return Problems.OutsideRegion("cityCode", cityCode, caller.RegionPrefix);
        }

        var errors = new Dictionary<string, string[]>();
        var mode = CoverageMode.Single;
        if (!EnumNames.TryParse(request.Mode, out mode))
        {
            errors["mode"] = ["Single (双向全覆盖) or Double (二次覆盖)."];
        }

        var period = PresencePeriod.Week;
        if (!EnumNames.TryParse(request.PresencePeriod, out period))
        {
            errors["presencePeriod"] = ["Week or Month."];
        }

        foreach (var (field, value) in new[]
        {
            ("minResidentSectionLevel", request.MinResidentSectionLevel), ("minResidentGeneral", request.MinResidentGeneral),
            ("minFullCoverageSectionLevel", request.MinFullCoverageSectionLevel), ("minFullCoverageGeneral", request.MinFullCoverageGeneral),
        })
        {
            if (value is null)
            {
                errors[field] = ["Required."];
            }
            else if (CoveragePolicy.ValidateFigures(value.Value, field) is { } error)
            {
                errors[field] = [error];
            }
        }

        var maxDays = period == PresencePeriod.Month ? 31 : 7;
        if (request.PresenceDays is null || request.PresenceDays < 0 || request.PresenceDays > maxDays)
        {
            errors["presenceDays"] = [$"Between 0 and {maxDays} for a {period.ToString().ToLowerInvariant()}."];
        }

        if (request.CheckInRadiusMeters is { } radius && CoveragePolicy.ValidateRadius(radius) is { } radiusError)
        {
            errors["checkInRadiusMeters"] = [radiusError];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "The policy is not valid");
        }

        var policy = await db.CoveragePolicies.FindAsync([cityCode], cancellationToken);
        if (policy is null)
        {
            policy = CoveragePolicy.DefaultFor(cityCode);
            db.CoveragePolicies.Add(policy);
        }

        policy.Mode = mode;
        policy.MinResidentSectionLevel = request.MinResidentSectionLevel!.Value;
        policy.MinResidentGeneral = request.MinResidentGeneral!.Value;
        policy.MinFullCoverageSectionLevel = request.MinFullCoverageSectionLevel!.Value;
        policy.MinFullCoverageGeneral = request.MinFullCoverageGeneral!.Value;
        policy.PresenceDays = request.PresenceDays!.Value;
        policy.PresencePeriod = period;
        policy.CheckInRadiusMeters = request.CheckInRadiusMeters ?? CoveragePolicy.DefaultCheckInRadiusMeters;
        policy.UpdatedAt = time.GetUtcNow();
        policy.UpdatedBy = caller.UserId;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(PolicyResponse.From(policy));
    }

    internal static async Task<Results<Created<PairingResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartPairingRequest request, Caller caller, PersonnelDbContext db, PersonalDataProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.CadreId is null)
        {
            errors["cadreId"] = ["Required."];
        }

        if (request.HouseholdId is null)
        {
            errors["householdId"] = ["Required."];
        }

        var kind = PairingKind.Resident;
        if (!EnumNames.TryParse(request.Kind, out kind))
        {
            errors["kind"] = ["Resident (常驻队员) or FullCoverage (全覆盖干部)."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "The pairing is not valid");
        }

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

    internal static async Task<Results<Ok<CoverageReport>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        string code, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, int sample = 20)
    {
        if (CodeProblem(code) is { } invalid)
        {
            return invalid;
        }

        if (!caller.Covers(code))
        {
            return Problems.OutsideRegion("code", code, caller.RegionPrefix);
        }

        if (sample is < 0 or > 500)
        {
            return Problems.Invalid("sample", "Between 0 and 500.");
        }

        var prefix = DivisionCode.Prefix(code);
        var policy = await PolicyStore.ForRegionAsync(db, prefix, cancellationToken);
        return TypedResults.Ok(await CoverageQueries.ReportAsync(db, prefix, policy, sample, cancellationToken));
    }

    internal static async Task<Results<Ok<List<UncoveredHousehold>>, ValidationProblem, ProblemHttpResult>> UncoveredAsync(
        string code, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        if (CodeProblem(code) is { } invalid)
        {
            return invalid;
        }

        if (!caller.Covers(code))
        {
            return Problems.OutsideRegion("code", code, caller.RegionPrefix);
        }

        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var prefix = DivisionCode.Prefix(code);
        var policy = await PolicyStore.ForRegionAsync(db, prefix, cancellationToken);
        return TypedResults.Ok(await CoverageQueries.UncoveredAsync(db.Database.GetConnectionString()!, prefix, policy, (page - 1) * pageSize, pageSize, cancellationToken));
    }

    internal static async Task<Results<Ok<List<UnderloadedCadre>>, ValidationProblem, ProblemHttpResult>> BelowMinimumAsync(
        string code, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 100)
    {
        if (CodeProblem(code) is { } invalid)
        {
            return invalid;
        }

        if (!caller.Covers(code))
        {
            return Problems.OutsideRegion("code", code, caller.RegionPrefix);
        }

        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var prefix = DivisionCode.Prefix(code);
        var policy = await PolicyStore.ForRegionAsync(db, prefix, cancellationToken);
        return TypedResults.Ok(await CoverageQueries.BelowMinimumAsync(db.Database.GetConnectionString()!, prefix, policy, (page - 1) * pageSize, pageSize, cancellationToken));
    }

    /// <summary>Reports are per city or below: the policy is a city's.</summary>
    private static ValidationProblem? CodeProblem(string code) =>
        !DivisionCode.IsWellFormed(code) || DivisionCode.LevelOf(code) == RegionLevel.Province
            ? Problems.Invalid("code", "The 12-digit division code of a city, county, town or village.")
            : null;
}
