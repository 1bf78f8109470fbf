using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Data;
using MassWork.Personnel.Households;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Http;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.Personnel.Cadres;

public static class CadreEndpoints
{
    private static readonly string[] AdminRoles = [Roles.TownStaff, Roles.Operator];

    public static IEndpointRouteBuilder MapCadreEndpoints(this IEndpointRouteBuilder routes)
    {
        var units = routes.MapGroup("/api/personnel/units").WithTags("Cadres");
        units.MapPost("/", CreateUnitAsync).WithName("CreateDispatchingUnit")
            .WithSummary("Register a dispatching unit (挂点单位 / 帮扶单位)")
            .RequireAuthorization(p => p.RequireRole(Roles.Operator, Roles.Leader))
            .WithIdempotency<PersonnelDbContext>();
        units.MapGet("/", ListUnitsAsync).WithName("ListDispatchingUnits").WithSummary("Dispatching units in your region");

        var cadres = routes.MapGroup("/api/personnel/cadres").WithTags("Cadres");
        cadres.MapPost("/", RegisterAsync).WithName("RegisterCadre")
            .WithSummary("Register a cadre (干部) with rank, unit and the region served")
            .RequireAuthorization(p => p.RequireRole(AdminRoles))
            .WithIdempotency<PersonnelDbContext>();
        cadres.MapGet("/{id:guid}", GetAsync).WithName("GetCadre").WithSummary("One cadre, phone masked, with team and load");
        cadres.MapGet("/", ListAsync).WithName("ListCadres").WithSummary("Cadres in your region, by name, unit or exact phone");
        return routes;
    }

    internal static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> CreateUnitAsync(
        CreateUnitRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        var region = request.RegionCode?.Trim();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["Required, at most 100 characters."];
        }

        if (!DivisionCode.IsWellFormed(region))
        {
            errors["regionCode"] = ["The 12-digit division code of the city or county the unit belongs to."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (!caller.Covers(region!))
        {
            return Problems.OutsideRegion("regionCode", region!, caller.RegionPrefix);
        }

        var unit = new DispatchingUnit { Id = Guid.CreateVersion7(), Name = name!, RegionCode = region!, CreatedAt = time.GetUtcNow() };
        db.DispatchingUnits.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Unit already registered", $"{name} is already a unit of {region}.");
        }

        return TypedResults.Created($"/api/personnel/units/{unit.Id}", new UnitResponse(unit.Id, unit.Name, unit.RegionCode));
    }

    /// <summary>Units inside the caller's region and those of the city and county above it (which send teams down).</summary>
    internal static async Task<Ok<List<UnitResponse>>> ListUnitsAsync(Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var above = new[] { 2, 4, 6, 9 }.Where(n => n < caller.RegionPrefix.Length)
            .Select(n => DivisionCode.FromPrefix(caller.RegionPrefix[..n])).ToList();
        return TypedResults.Ok(await db.DispatchingUnits.AsNoTracking()
            .Where(u => u.RegionCode.StartsWith(caller.RegionPrefix) || above.Contains(u.RegionCode))
            .OrderBy(u => u.Name).Select(u => new UnitResponse(u.Id, u.Name, u.RegionCode)).ToListAsync(cancellationToken));
    }

    internal static async Task<Results<Created<CadreResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterCadreRequest request, Caller caller, PersonnelDbContext db, PersonalDataProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > HouseholdValidation.MaxNameLength)
        {
            errors["name"] = [$"Required, at most {HouseholdValidation.MaxNameLength} characters."];
        }

        if (HouseholdValidation.PhoneError(request.Phone, out var phone) is { } phoneError)
        {
            errors["phone"] = [phoneError];
        }

        if (!EnumNames.TryParse<CadreRank>(request.Rank, out var rank))
        {
            errors["rank"] = ["SectionLevel (科级以上) or General (一般干部)."];
        }

        var region = request.RegionCode?.Trim();
        if (!DivisionCode.IsWellFormed(region))
        {
            errors["regionCode"] = ["The 12-digit division code of the place the cadre serves."];
        }

        if (request.Position?.Trim().Length > 50)
        {
            errors["position"] = ["At most 50 characters."];
        }

        if (request.UserId?.Trim().Length > 100)
        {
            errors["userId"] = ["At most 100 characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "The cadre is not valid");
        }

        if (!caller.Covers(region!))
        {
            return Problems.OutsideRegion("regionCode", region!, caller.RegionPrefix);
        }

        DispatchingUnit? unit = null;
        if (request.UnitId is { } unitId && (unit = await db.DispatchingUnits.FindAsync([unitId], cancellationToken)) is null)
        {
            return Problems.Invalid("unitId", $"No dispatching unit {unitId}.");
        }

        if (request.HomeCompoundId is { } compoundId
            && !await db.RegionUnits.AnyAsync(u => u.Id == compoundId && u.Kind == RegionUnitKind.Compound, cancellationToken))
        {
            return Problems.Invalid("homeCompoundId", $"No compound {compoundId}.");
        }

        var userId = string.IsNullOrWhiteSpace(request.UserId) ? null : request.UserId.Trim();
        var cadre = new Cadre
        {
            Id = Guid.CreateVersion7(),
            Name = name!,
            Rank = rank,
            Position = string.IsNullOrWhiteSpace(request.Position) ? null : request.Position.Trim(),
            UnitId = request.UnitId,
            RegionCode = region!,
            HomeCompoundId = request.HomeCompoundId,
            UserId = userId,
            RegisteredAt = time.GetUtcNow(),
        };
        cadre.SetPhone(phone is null ? null : SensitiveValue.Phone(protector, phone));
        db.Cadres.Add(cadre);
        db.RaiseIntegrationEvent(
            new CadreRegistered(cadre.Id, cadre.Name, phone, rank.ToString(), cadre.Position, cadre.UnitId, unit?.Name, cadre.RegionCode, userId, cadre.RegisteredAt),
            cadre.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("User already linked", $"userId {userId} already belongs to another cadre.");
        }

        return TypedResults.Created($"/api/personnel/cadres/{cadre.Id}", ToResponse(cadre, null, null, 0));
    }

    internal static async Task<Results<Ok<CadreResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var page = await QueryAsync(db.Cadres.Where(c => c.Id == id && c.RegionCode.StartsWith(caller.RegionPrefix)), db, 1, 1, cancellationToken);
        return page.Items.Count == 0 ? Problems.NotFound($"Cadre {id}") : TypedResults.Ok(page.Items[0]);
    }

    internal static async Task<Results<Ok<CadrePage>, ValidationProblem>> ListAsync(
        Caller caller, PersonnelDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken,
        string? name = null, Guid? unitId = null, string? phone = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var query = db.Cadres.Where(c => c.RegionCode.StartsWith(caller.RegionPrefix));
        if (!string.IsNullOrWhiteSpace(name))
        {
            query = query.Where(c => c.Name.Contains(name.Trim()));
        }

        if (unitId is not null)
        {
            query = query.Where(c => c.UnitId == unitId);
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var hash = protector.Hash(PhoneNumber.Normalize(phone));
            query = query.Where(c => c.PhoneHash == hash);
        }

        return TypedResults.Ok(await QueryAsync(query, db, page, pageSize, cancellationToken));
    }

    private static async Task<CadrePage> QueryAsync(IQueryable<Cadre> query, PersonnelDbContext db, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new
            {
                Cadre = c,
                Membership = db.TeamMemberships.Where(m => m.CadreId == c.Id && m.LeftAt == null).Select(m => new { m.TeamId, m.Role }).FirstOrDefault(),
                Load = db.Pairings.Count(p => p.CadreId == c.Id && p.EndedAt == null),
            })
            .ToListAsync(cancellationToken);
        return new CadrePage(rows.Select(r => ToResponse(r.Cadre, r.Membership?.TeamId, r.Membership?.Role.ToString(), r.Load)).ToList(), total);
    }

    private static CadreResponse ToResponse(Cadre c, Guid? teamId, string? role, int load) =>
        new(c.Id, c.Name, c.PhoneMasked, c.Rank.ToString(), c.Position, c.UnitId, c.RegionCode, c.HomeCompoundId, c.UserId, teamId, role, load);
}
