using System.ComponentModel.DataAnnotations;

namespace MassWork.Projects;

/// <summary>The service's settings (section <c>Projects</c>).</summary>
public sealed class ProjectsOptions : IValidatableObject
{
    public const string Section = "Projects";

    /// <summary>How many days a published project stays on the village board (公示期).</summary>
    [Range(1, 3650)]
    public int PublicityDays { get; set; } = 30;

    /// <summary>The largest estimated cost of a small project, inclusive (5万元以内).</summary>
    [Range(1, 1_000_000_000_000)]
    public long SmallUpToFen { get; set; } = 5_000_000;

    /// <summary>The largest estimated cost of a medium project, inclusive (5–50万元); above it, large.</summary>
    [Range(1, 1_000_000_000_000)]
    public long MediumUpToFen { get; set; } = 50_000_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MediumUpToFen <= SmallUpToFen)
        {
            yield return new ValidationResult("MediumUpToFen is above SmallUpToFen.", [nameof(MediumUpToFen)]);
        }
    }
}
