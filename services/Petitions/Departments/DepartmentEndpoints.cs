using MassWork.Petitions.Figures;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Departments;

public sealed record DepartmentRequest(string? Name, string? RegionCode, IReadOnlyList<string>? StaffUserIds);

public sealed record DepartmentView(string Code, string Name, string RegionCode, IReadOnlyList<string> StaffUserIds);

public static class DepartmentEndpoints
{
    public static IEndpointRouteBuilder MapDepartmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var departments = routes.MapGroup("/api/petitions/departments").WithTags("County departments");
        departments.MapPut("/{code}", PutAsync).WithName("PutDepartment")
            .WithSummary("Create or update a county/city department (县直/市直部门) and the logins that work its queue")
            .RequireAuthorization(Permissions.ManageDepartments);
        departments.MapGet("/", ListAsync).WithName("ListDepartments").WithSummary("Departments serving your region");
        departments.MapGet("/{code}/work-orders", WorkOrdersAsync).WithName("DepartmentWorkOrders")
            .WithSummary("The department's queue: cases escalated to it, waiting to be signed for or being handled");
        return routes;
    }

    internal static async Task<Results<Ok<DepartmentView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string code, DepartmentRequest request, Caller caller, PetitionsDbContext db, IValidator<DepartmentRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request).Also("code", DepartmentValidator.CodeProblem(code)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The department is not valid");
        }

        var staff = DepartmentValidator.Staff(request.StaffUserIds);
        if (!caller.Covers(request.RegionCode!))
        {
            return Problems.OutsideRegion("regionCode", request.RegionCode!, caller.RegionPrefix);
        }

        return await KeyedEdit<Department>.SaveAsync<Results<Ok<DepartmentView>, ValidationProblem, ProblemHttpResult>>(db, code, async () =>
        {
            var department = await db.Departments.SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            if (department is null)
            {
                department = db.Departments.Add(new Department { Code = code, Name = request.Name!.Trim(), RegionCode = request.RegionCode! }).Entity;
            }
            else if (!caller.Covers(department.RegionCode))
            {
                return Problems.OutsideRegion("code", code, caller.RegionPrefix);
            }

            department.Name = request.Name!.Trim();
            department.RegionCode = request.RegionCode!;
            department.StaffUserIds = staff;
            department.UpdatedAt = time.GetUtcNow();
            return TypedResults.Ok(new DepartmentView(department.Code, department.Name, department.RegionCode, department.StaffUserIds));
        }, cancellationToken);
    }

    internal static async Task<Ok<List<DepartmentView>>> ListAsync(Caller caller, PetitionsDbContext db, CancellationToken cancellationToken)
    {
        // A department serves its county or city: it is listed to callers inside that area and to those above it.
        var prefix = caller.RegionPrefix;
        var list = await db.Departments.AsNoTracking()
            .Where(d => d.RegionCode.StartsWith(prefix) || prefix.StartsWith(d.RegionCode))
            .OrderBy(d => d.Code)
            .Select(d => new DepartmentView(d.Code, d.Name, d.RegionCode, d.StaffUserIds))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(list);
    }

    internal static async Task<Results<Ok<LedgerPage>, ProblemHttpResult, ValidationProblem>> WorkOrdersAsync(
        string code, Caller caller, PetitionsDbContext db, LedgerQuery ledger, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        var staffOf = await DepartmentStaff.OfAsync(db, caller.UserId, cancellationToken);
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null || !(staffOf.Contains(code) || caller.Covers(department.RegionCode)))
        {
            return Problems.NotFound($"Department {code}");
        }

        return TypedResults.Ok(await ledger.WorkOrdersAsync(code, page, pageSize, cancellationToken));
    }
}
