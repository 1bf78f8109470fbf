using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Categories;

/// <summary>A category as a city's settings staff write it; validate with the city's <see cref="PetitionPolicy"/>, whose classes a category names.</summary>
public sealed class CategoryValidator : RequestValidator<CategoryRequest>
{
    public CategoryValidator()
    {
        RuleFor(x => x.Name).RequiredText(60);
        RuleFor(x => x.Group).RequiredText(60);
        RuleFor(x => x.Description).OptionalText(500);
        RuleFor(x => x.WorkOrderClass ?? "General").Named("workOrderClass").Custom((workOrderClass, context) =>
        {
            var classes = context.Value<PetitionPolicy>().WorkOrderClasses;
            if (!classes.ContainsKey(workOrderClass))
            {
                context.AddFailure($"One of the policy's classes: {string.Join(", ", classes.Keys)}.");
            }
        });
    }

    /// <summary>The route's code: short, lower-case and stable, since cases and Open311 clients refer to it.</summary>
    public static string? CodeProblem(string code) =>
        code.Length is < 2 or > 40 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? "2–40 lower-case letters, digits or '-'."
            : null;
}
