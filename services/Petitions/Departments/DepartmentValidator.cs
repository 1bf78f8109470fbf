namespace MassWork.Petitions.Departments;

/// <summary>A county or city department (县直/市直部门) and the logins that work its queue.</summary>
public sealed class DepartmentValidator : RequestValidator<DepartmentRequest>
{
    public const int MaxStaff = 200;

    public DepartmentValidator()
    {
        RuleFor(x => x.Name).RequiredText(100);
        RuleFor(x => x.RegionCode).Must(r => r is { Length: 4 or 6 } && r.All(char.IsAsciiDigit))
            .WithMessage("The county (6 digits) or city (4 digits) the department serves.");
        RuleFor(x => Staff(x.StaffUserIds)).Named("staffUserIds").Must(s => s.Count <= MaxStaff && s.All(id => id.Length <= 100))
            .WithMessage($"At most {MaxStaff} user ids of at most 100 characters.");
    }

    /// <summary>The staff user ids trimmed, blanks and repeats dropped.</summary>
    public static List<string> Staff(IReadOnlyList<string>? ids) =>
        ids?.Select(s => s?.Trim() ?? "").Where(s => s.Length > 0).Distinct().ToList() ?? [];

    /// <summary>The route's code, as the department's own documents name it.</summary>
    public static string? CodeProblem(string code) =>
        code.Length is < 2 or > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? "2–40 letters, digits, '-' or '_' (e.g. 360702-RSJ)."
            : null;
}
