namespace MassWork.Projects.Milestones;

/// <summary>A milestone of the works: its name, its share of the works against the others, and the day it is due.</summary>
public sealed class MilestoneValidator : RequestValidator<MilestoneRequest>
{
    public const int MaxWeight = 1000;

    public MilestoneValidator()
    {
        RuleFor(x => x.Name).RequiredText(100).WithMessage("Required, at most 100 characters, e.g. 路面硬化.");
        RuleFor(x => x.Weight).Must(w => w is >= 1 and <= MaxWeight)
            .WithMessage($"Required: a whole number from 1 to {MaxWeight}, the milestone's share of the works against the others.");
        RuleFor(x => x.DueDate).Must(due => due is { Year: >= 2000 and <= 2100 }).WithMessage("Required: the day it is due, yyyy-MM-dd.");
    }

    /// <summary>The milestone with its name trimmed; call it once validation passed.</summary>
    public static (string Name, int Weight, DateOnly DueDate) Checked(MilestoneRequest request) =>
        (request.Name!.Trim(), request.Weight!.Value, request.DueDate!.Value);
}
