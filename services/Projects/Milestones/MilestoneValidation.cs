namespace MassWork.Projects.Milestones;

/// <summary>Field checks of milestones and progress updates; each problem names its field.</summary>
public static class MilestoneValidation
{
    public const int MaxWeight = 1000;

    public static (string Name, int Weight, DateOnly DueDate)? Check(MilestoneRequest request, Dictionary<string, string[]> errors)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
        {
            errors["name"] = ["Required, at most 100 characters, e.g. 路面硬化."];
        }

        if (request.Weight is not (>= 1 and <= MaxWeight))
        {
            errors["weight"] = [$"Required: a whole number from 1 to {MaxWeight}, the milestone's share of the works against the others."];
        }

        if (request.DueDate is not { } due || due.Year is < 2000 or > 2100)
        {
            errors["dueDate"] = ["Required: the day it is due, yyyy-MM-dd."];
        }

        return errors.Count > 0 ? null : (name!, request.Weight!.Value, request.DueDate!.Value);
    }

    public static (int Percent, string? Note)? Check(ProgressRequest request, Dictionary<string, string[]> errors)
    {
        if (request.Percent is not (>= 0 and <= 100))
        {
            errors["percent"] = ["Required: a whole percent from 0 to 100."];
        }

        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (note?.Length > 500)
        {
            errors["note"] = ["At most 500 characters."];
        }

        return errors.Count > 0 ? null : (request.Percent!.Value, note);
    }
}
