using FluentValidation.Results;
using MassWork.Personnel.Imports;

namespace MassWork.Personnel.Regions;

public sealed record RegionImportResult(int Regions, int Added, int Renamed);

public sealed record RegionUnitResponse(Guid Id, string Kind, string Name);

public sealed record RegionNode(string Code, string Name, string Level, string? ParentCode, IReadOnlyList<RegionNode> Children, IReadOnlyList<RegionUnitResponse> Units, GeoPoint? Location);

public sealed record LocateRequest(double? Latitude, double? Longitude);

public sealed record AddRegionUnitRequest(string? Kind, string? Name);

public static class RegionEndpoints
{
    public const long MaxRegionFileBytes = 32 * 1024 * 1024;
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/personnel/regions").WithTags("Regions");
        group.MapPost("/import", ImportAsync)
            .WithName("ImportRegions")
            .WithSummary("Load a region tree from CSV (code,name,level,parent_code; UTF-8 or GBK); all lines must be valid")
            .Accepts<string>("text/csv")
            .RequireAuthorization(Permissions.ManageRegions);
        group.MapGet("/{code}", GetTreeAsync).WithName("GetRegionTree")
            .WithSummary("A region and its subtree down to depth levels, with villages' groups and compounds")
            .RequireRegionScope();
        group.MapPut("/{code}/location", LocateAsync).WithName("LocateRegion")
            .WithSummary("Where a village committee (村委会) or town government sits; check-ins are measured from it")
            .RequireAuthorization(Permissions.EditRegionUnits).RequireRegionScope();
        group.MapPost("/{villageCode}/units", AddUnitAsync).WithName("AddRegionUnit")
            .WithSummary("Add a villager group (Group, 村民小组) or residential compound (Compound, 小区) to a village")
            .RequireAuthorization(Permissions.EditRegionUnits).RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Ok<RegionImportResult>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        HttpContext http, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        http.LimitRequestBody(MaxRegionFileBytes);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, cancellationToken);
        buffer.Position = 0;
        var encoding = await TextEncodingDetector.DetectAsync(buffer, cancellationToken);
        using var text = new StreamReader(buffer, encoding);
        var (rows, errors) = RegionStore.Read(text, cancellationToken);
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add("The file has no regions.");
        }

        if (rows.FirstOrDefault(r => !caller.Covers(r.Code) && r.Level > RegionLevel.City) is { } outside)
        {
            return Problems.OutsideRegion("code", outside.Code, caller.RegionPrefix);
        }

        errors.AddRange(await RegionStore.OrphansAsync(db, rows, cancellationToken));
        if (errors.Count > 0)
        {
            // Reference data is loaded whole or not at all: a tree with holes would misplace households.
            return new ValidationResult(errors.Take(200).Select(e => new ValidationFailure("file", e))).ToProblem($"{errors.Count} line(s) of the region file are not valid");
        }

        var (added, renamed) = await RegionStore.UpsertAsync(db, rows, cancellationToken);
        return TypedResults.Ok(new RegionImportResult(rows.Count, added, renamed));
    }

    internal static async Task<Results<Ok<RegionNode>, ValidationProblem, ProblemHttpResult>> GetTreeAsync(
        string code, PersonnelDbContext db, CancellationToken cancellationToken, int depth = 1)
    {
        if (!DivisionCode.IsWellFormed(code))
        {
            return Problems.Invalid("code", "A 12-digit division code.");
        }

        if (depth is < 0 or > 4)
        {
            return Problems.Invalid("depth", "Between 0 and 4.");
        }

        var level = DivisionCode.LevelOf(code);
        var prefix = DivisionCode.Prefix(code);
        var deepest = (RegionLevel)Math.Min((int)RegionLevel.Village, (int)level + depth);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(prefix) && r.Level <= deepest)
            .ToListAsync(cancellationToken);
        if (regions.All(r => r.Code != code))
        {
            return Problems.NotFound($"Region {code}");
        }

        var units = deepest == RegionLevel.Village
            ? (await db.RegionUnits.AsNoTracking().Where(u => u.VillageCode.StartsWith(prefix)).OrderBy(u => u.Kind).ThenBy(u => u.Name).ToListAsync(cancellationToken))
                .ToLookup(u => u.VillageCode)
            : Enumerable.Empty<RegionUnit>().ToLookup(u => u.VillageCode);
        var children = regions.ToLookup(r => r.ParentCode);

        RegionNode Build(Region r) => new(r.Code, r.Name, r.Level.ToString(), r.ParentCode,
            children[r.Code].OrderBy(c => c.Code, StringComparer.Ordinal).Select(Build).ToList(),
            units[r.Code].Select(u => new RegionUnitResponse(u.Id, u.Kind.ToString(), u.Name)).ToList(), r.Location);

        return TypedResults.Ok(Build(regions.Single(r => r.Code == code)));
    }

    internal static async Task<Results<Created<RegionUnitResponse>, ValidationProblem, ProblemHttpResult>> AddUnitAsync(
        string villageCode, AddRegionUnitRequest request, PersonnelDbContext db, IValidator<AddRegionUnitRequest> validator, CancellationToken cancellationToken)
    {
        if (validator.Validate(request).Also("villageCode", RegionUnitValidator.VillageCodeProblem(villageCode)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        if (await PlaceChecks.ValidateAsync(db, villageCode, null, null, cancellationToken) is { IsValid: false } unknownVillage)
        {
            return unknownVillage.ToProblem();
        }

        EnumNames.TryParse<RegionUnitKind>(request.Kind, out var kind);
        var name = request.Name!.Trim();
        var unit = new RegionUnit { Id = Guid.CreateVersion7(), VillageCode = villageCode, Kind = kind, Name = name };
        db.RegionUnits.Add(unit);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Already there", $"Village {villageCode} already has a {kind.ToString().ToLowerInvariant()} named {name}.");
        }

        return TypedResults.Created($"/api/personnel/regions/{villageCode}", new RegionUnitResponse(unit.Id, kind.ToString(), unit.Name));
    }

    internal static async Task<Results<Ok<RegionNode>, ValidationProblem, ProblemHttpResult>> LocateAsync(
        string code, LocateRequest request, PersonnelDbContext db, IValidator<LocateRequest> validator, CancellationToken cancellationToken)
    {
        if (validator.Validate(request).Also("code", LocationValidator.CodeProblem(code)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The location is not valid");
        }

        var region = await db.Regions.SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (region is null)
        {
            return Problems.NotFound($"Region {code}");
        }

        region.Locate(GeoPoint.From(request.Latitude, request.Longitude)!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new RegionNode(region.Code, region.Name, region.Level.ToString(), region.ParentCode, [], [], region.Location));
    }
}
