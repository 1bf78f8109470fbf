using MassWork.Petitions.Data;
using MassWork.Petitions.Deadlines;
using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        string code, CategoryRequest request, Caller caller, PetitionsDbContext db, RulesProvider rules, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (code.Length is < 2 or > 40 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors["code"] = ["2–40 lower-case letters, digits or '-'."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 60)
        {
            errors["name"] = ["Required, at most 60 characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Group) || request.Group.Length > 60)
        {
            errors["group"] = ["Required, at most 60 characters."];
        }

        if (request.Description?.Length > 500)
        {
            errors["description"] = ["At most 500 characters."];
        }

        var policy = (await rules.ForRegionAsync(caller.RegionPrefix, cancellationToken)).Policy;
        var workOrderClass = request.WorkOrderClass ?? "General";
        if (!policy.WorkOrderClasses.ContainsKey(workOrderClass))
        {
            errors["workOrderClass"] = [$"One of the policy's classes: {string.Join(", ", policy.WorkOrderClasses.Keys)}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "The category is not valid");
        }

        var category = await db.Categories.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (category is null)
        {
            category = new Category { Code = code, Name = "", Group = "", WorkOrderClass = workOrderClass };
            db.Categories.Add(category);
        }

        category.Name = request.Name!.Trim();
        category.Group = request.Group!.Trim();
        category.Description = request.Description?.Trim();
        category.WorkOrderClass = workOrderClass;
        category.Active = request.Active ?? true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(category);
    }
}
