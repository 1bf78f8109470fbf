using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Data;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Http;
using MassWork.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace MassWork.Personnel.Households;

public static class HouseholdEndpoints
{
    private static readonly string[] RegistrarRoles = [Roles.VillageStaff, Roles.TownStaff, Roles.WorkTeam, Roles.Operator];

    public static IEndpointRouteBuilder MapHouseholdEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/personnel/households").WithTags("Households");

        group.MapPost("/", RegisterAsync)
            .WithName("RegisterHousehold")
            .WithSummary("Register a household (登记户)")
            .RequireAuthorization(p => p.RequireRole(RegistrarRoles))
            .WithIdempotency<PersonnelDbContext>();

        group.MapGet("/{id:guid}", GetAsync).WithName("GetHousehold").WithSummary("One household in your region");
        group.MapGet("/", ListAsync).WithName("ListHouseholds").WithSummary("Households in your region, newest first");
        return routes;
    }

    internal static async Task<Results<Created<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterHouseholdRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (registration, errors) = HouseholdRegistration.Create(
            request.HouseholdNumber, request.VillageCode, request.Address, request.HeadName, request.Status);
        if (registration is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The household is not valid");
        }

        if (!caller.Covers(registration.VillageCode))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Outside your region",
                detail: $"villageCode {registration.VillageCode} is outside your region {caller.RegionPrefix}.");
        }

        if (await db.Households.AnyAsync(h => h.HouseholdNumber == registration.HouseholdNumber, cancellationToken))
        {
            return DuplicateNumber(registration.HouseholdNumber);
        }

        var household = Household.Register(registration, caller.UserId, time.GetUtcNow());
        db.Households.Add(household);
        db.RaiseIntegrationEvent(
            new HouseholdRegistered(household.Id, household.HouseholdNumber, household.VillageCode, household.HeadName, household.RegisteredAt),
            household.Id.ToString());

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DuplicateNumber(registration.HouseholdNumber);
        }

        return TypedResults.Created($"/api/personnel/households/{household.Id}", HouseholdResponse.From(household));
    }

    internal static async Task<Results<Ok<HouseholdResponse>, NotFound>> GetAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var household = await db.Households.AsNoTracking()
            .Where(h => h.Id == id && h.VillageCode.StartsWith(caller.RegionPrefix))
            .SingleOrDefaultAsync(cancellationToken);
        return household is null ? TypedResults.NotFound() : TypedResults.Ok(HouseholdResponse.From(household));
    }

    internal static async Task<Results<Ok<HouseholdPage>, ValidationProblem>> ListAsync(
        Caller caller, PersonnelDbContext db, CancellationToken cancellationToken,
        string? householdNumber = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page < 1 ? "page" : "pageSize"] = [page < 1 ? "Must be 1 or more." : "Must be between 1 and 500."],
            });
        }

        var query = db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith(caller.RegionPrefix));
        if (!string.IsNullOrWhiteSpace(householdNumber))
        {
            query = query.Where(h => h.HouseholdNumber == householdNumber.Trim());
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(h => h.RegisteredAt).ThenBy(h => h.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new HouseholdPage(items.Select(HouseholdResponse.From).ToList(), total));
    }

    private static ProblemHttpResult DuplicateNumber(string number) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Household number already registered",
            detail: $"householdNumber {number} is already in the register.");
}
