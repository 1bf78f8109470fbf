namespace MassWork.Projects.Milestones;

/// <summary>A progress update of a milestone: a whole percent, with an optional note.</summary>
public sealed class ProgressValidator : RequestValidator<ProgressRequest>
{
    public ProgressValidator()
    {
        RuleFor(x => x.Percent).Must(p => p is >= 0 and <= 100).WithMessage("Required: a whole percent from 0 to 100.");
        RuleFor(x => x.Note).OptionalText(500);
    }

    /// <summary>The update with its note trimmed, or none when blank; call it once validation passed.</summary>
    public static (int Percent, string? Note) Checked(ProgressRequest request) =>
        (request.Percent!.Value, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());
}
