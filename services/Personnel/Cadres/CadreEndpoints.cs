using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Households;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Cadres;

public static class CadreEndpoints
{
    public static IEndpointRouteBuilder MapCadreEndpoints(this IEndpointRouteBuilder routes)
    {
        var units = routes.MapGroup("/api/personnel/units").WithTags("Cadres");
        units.MapPost("/", CreateUnitAsync).WithName("CreateDispatchingUnit")
            .WithSummary("Register a dispatching unit (挂点单位 / 帮扶单位)")
            .RequireAuthorization(Permissions.ManageUnits)
            .WithIdempotency<PersonnelDbContext>();
        units.MapGet("/", ListUnitsAsync).WithName("ListDispatchingUnits").WithSummary("Dispatching units in your region");

        var cadres = routes.MapGroup("/api/personnel/cadres").WithTags("Cadres");
        cadres.MapPost("/", RegisterAsync).WithName("RegisterCadre")
            .WithSummary("Register a cadre (干部) with rank, unit and the region served")
            .RequireAuthorization(Permissions.ManageCadres)
            .WithIdempotency<PersonnelDbContext>();
        cadres.MapGet("/{id:guid}", GetAsync).WithName("GetCadre").WithSummary("One cadre, phone masked, with team and load");
        cadres.MapGet("/", ListAsync).WithName("ListCadres").WithSummary("Cadres in your region, by name, unit or exact phone");
        return routes;
    }

    internal static async Task<Results<Created<UnitResponse>, ValidationProblem, ProblemHttpResult>> CreateUnitAsync(
        CreateUnitRequest request, Caller caller, PersonnelDbContext db, IValidator<CreateUnitRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var (name, region) = (request.Name!.Trim(), request.RegionCode!.Trim());
        if (!caller.Covers(region))
        {
            return Problems.OutsideRegion("regionCode", region, caller.RegionPrefix);
        }

        var unit = new DispatchingUnit { Id = Guid.CreateVersion7(), Name = name, RegionCode = region, CreatedAt = time.GetUtcNow() };
        db.DispatchingUnits.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Unit already registered", $"{name} is already a unit of {region}.");
        }

        return TypedResults.Created($"/api/personnel/units/{unit.Id}", UnitResponseOf(unit));
    }

    /// <summary>Units inside the caller's region and those of the city and county above it (which send teams down).</summary>
    internal static async Task<Ok<List<UnitResponse>>> ListUnitsAsync(Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, bool includeRetired = false)
    {
        var above = new[] { 2, 4, 6, 9 }.Where(n => n < caller.RegionPrefix.Length)
            .Select(n => DivisionCode.FromPrefix(caller.RegionPrefix[..n])).ToList();
        return TypedResults.Ok(await db.DispatchingUnits.AsNoTracking()
            .Where(u => u.RegionCode.StartsWith(caller.RegionPrefix) || above.Contains(u.RegionCode))
            .Where(u => includeRetired || u.RetiredAt == null)
            .OrderBy(u => u.Name).Select(u => new UnitResponse(u.Id, u.Name, u.RegionCode, u.RetiredAt, u.RetireReason)).ToListAsync(cancellationToken));
    }

    internal static async Task<Results<Created<CadreResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        CadreRequest request, Caller caller, PersonnelDbContext db, IValidator<CadreRequest> validator, PersonalDataProtector protector,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The cadre is not valid");
        }

        var (details, phone) = CadreValidator.Checked(request);

        if (!caller.Covers(details.RegionCode))
        {
            return Problems.OutsideRegion("regionCode", details.RegionCode, caller.RegionPrefix);
        }

        if (await ReferencesAsync(db, details, cancellationToken) is { } referenceProblem)
        {
            return referenceProblem;
        }

        var cadre = Cadre.Register(details, phone is null ? null : SensitiveValue.Phone(protector, phone), time.GetUtcNow());
        db.Cadres.Add(cadre);
        var unitName = await UnitNameAsync(db, cadre.UnitId, cancellationToken);
        db.RaiseIntegrationEvent(CadreEvents.Registered(cadre, phone, unitName), cadre.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("User already linked", $"userId {cadre.UserId} already belongs to another cadre.");
        }

        return TypedResults.Created($"/api/personnel/cadres/{cadre.Id}", ToResponse(cadre, null, null, 0));
    }

    /// <summary>The unit must exist and still send people; the home compound must be a compound.</summary>
    internal static async Task<ValidationProblem?> ReferencesAsync(PersonnelDbContext db, CadreDetails details, CancellationToken cancellationToken)
    {
        if (details.UnitId is { } unitId)
        {
            var unit = await db.DispatchingUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
            if (unit is null)
            {
                return Problems.Invalid("unitId", $"No dispatching unit {unitId}.");
            }

            if (unit.IsRetired)
            {
                return Problems.Invalid("unitId", $"The unit {unit.Name} was retired on {unit.RetiredAt:yyyy-MM-dd}.");
            }
        }

        if (details.HomeCompoundId is { } compoundId
            && !await db.RegionUnits.AnyAsync(u => u.Id == compoundId && u.Kind == RegionUnitKind.Compound, cancellationToken))
        {
            return Problems.Invalid("homeCompoundId", $"No compound {compoundId}.");
        }

        return null;
    }

    internal static Task<string?> UnitNameAsync(PersonnelDbContext db, Guid? unitId, CancellationToken cancellationToken) =>
        db.DispatchingUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);

    internal static async Task<Results<Ok<CadreResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, PersonnelDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var scoped = db.Cadres.Where(c => c.Id == id && c.RegionCode.StartsWith(caller.RegionPrefix));
        var page = await QueryAsync(scoped, db, 1, 1, cancellationToken);
        if (page.Items.Count == 0)
        {
            return Problems.NotFound($"Cadre {id}");
        }

        response.Headers.ETag = Versions.ETag(await scoped.Select(c => c.Version).SingleAsync(cancellationToken));
        return TypedResults.Ok(page.Items[0]);
    }

    internal static async Task<Results<Ok<CadrePage>, ValidationProblem>> ListAsync(
        Caller caller, PersonnelDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken,
        string? name = null, Guid? unitId = null, string? phone = null, bool includeRetired = false, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var query = db.Cadres.Where(c => c.RegionCode.StartsWith(caller.RegionPrefix) && (includeRetired || c.RetiredAt == null));
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
            var hash = protector.PhoneHash(phone);
            query = query.Where(c => c.PhoneHash == hash);
        }

        return TypedResults.Ok(await QueryAsync(query, db, page, pageSize, cancellationToken));
    }

    internal static async Task<CadreResponse> ResponseAsync(PersonnelDbContext db, Guid id, CancellationToken cancellationToken) =>
        (await QueryAsync(db.Cadres.Where(c => c.Id == id), db, 1, 1, cancellationToken)).Items[0];

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

    internal static CadreResponse ToResponse(Cadre c, Guid? teamId, string? role, int load) =>
        new(c.Id, c.Name, c.PhoneMasked, c.Rank.ToString(), c.Position, c.UnitId, c.RegionCode, c.HomeCompoundId, c.UserId, teamId, role, load, c.RetiredAt, c.RetireReason);

    internal static UnitResponse UnitResponseOf(DispatchingUnit u) => new(u.Id, u.Name, u.RegionCode, u.RetiredAt, u.RetireReason);
}
