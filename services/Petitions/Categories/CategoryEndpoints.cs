using MassWork.Petitions.Deadlines;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Categories;

public sealed record CategoryRequest(string? Name, string? Group, string? Description, string? WorkOrderClass, bool? Active);

public static class CategoryEndpoints
{
    public static IEndpointRouteBuilder MapCategoryEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/petitions/categories").WithTags("Categories");
        group.MapGet("/", ListAsync).WithName("ListCategories").WithSummary("Categories of matter with their work-order class (also the Open311 service list)")
            .RequireAuthorization(Permissions.ReadSettings);
        group.MapPut("/{code}", PutAsync).WithName("PutCategory").WithSummary("Add or change a category")
            .RequireAuthorization(Permissions.ManageSettings).RequireCityScope();
        return routes;
    }

    internal static async Task<Ok<List<Category>>> ListAsync(PetitionsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Categories.AsNoTracking().OrderBy(c => c.Group).ThenBy(c => c.Code).ToListAsync(cancellationToken));

    internal static async Task<Results<Ok<Category>, ValidationProblem>> PutAsync(
        string code, CategoryRequest request, Caller caller, PetitionsDbContext db, RulesProvider rules, IValidator<CategoryRequest> validator,
        CancellationToken cancellationToken)
    {
        var policy = (await rules.ForRegionAsync(caller.RegionPrefix, cancellationToken)).Policy;
        if (validator.Validate(request, policy).Also("code", CategoryValidator.CodeProblem(code)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The category is not valid");
        }

        var workOrderClass = request.WorkOrderClass ?? "General";
        Category category = null!;
        await KeyedEdit<Category>.SaveAsync(db, code, async () =>
        {
            category = await db.Categories.SingleOrDefaultAsync(c => c.Code == code, cancellationToken)
                       ?? db.Categories.Add(new Category { Code = code, Name = "", Group = "", WorkOrderClass = workOrderClass }).Entity;
            category.Name = request.Name!.Trim();
            category.Group = request.Group!.Trim();
            category.Description = request.Description?.Trim();
            category.WorkOrderClass = workOrderClass;
            category.Active = request.Active ?? true;
        }, cancellationToken);
        rules.Invalidate();
        return TypedResults.Ok(category);
    }
}
