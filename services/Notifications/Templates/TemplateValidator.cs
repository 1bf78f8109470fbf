namespace MassWork.Notifications.Templates;

/// <summary>
/// A template as settings staff write it: its wording must be what the providers approved, so the
/// signature and text are checked against the carriers' limits before any message uses them.
/// </summary>
public sealed class TemplateValidator : RequestValidator<TemplateRequest>
{
    public TemplateValidator()
    {
        RuleFor(x => x.Name).RequiredText(60);
        RuleFor(x => Signature(x.Signature)).Named("signature").Must(s => s is { Length: >= 2 and <= 12 })
            .WithMessage("The approved signature, 2 to 12 characters, without 【】.");
        RuleFor(x => x.Text).Problem((x, text) =>
            TemplateText.Validate(text)
            ?? (Signature(x.Signature) is { } signature && !SmsSegments.Fits(TemplateText.Signed(signature, text!))
                ? $"Signature and text may be at most {SmsSegments.MaxLength} characters."
                : null));
        RuleFor(x => x.Kind ?? nameof(TemplateKind.Service)).Named("kind").Must(EnumNames.Is<TemplateKind>).WithMessage("Service or Broadcast.");
    }

    /// <summary>The route's code: short, lower-case and stable, since messages and broadcasts refer to it.</summary>
    public static string? CodeProblem(string code) =>
        code.Length is < 2 or > 40 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? "2–40 lower-case letters, digits or '-'."
            : null;

    /// <summary>The signature as stored: trimmed, without the 【】 the carrier adds.</summary>
    public static string? Signature(string? signature) => signature?.Trim().Trim('【', '】');

    /// <summary>The template's kind, Service when none is given; call it once validation passed.</summary>
    public static TemplateKind Kind(string? kind)
    {
        EnumNames.TryParse<TemplateKind>(kind ?? nameof(TemplateKind.Service), out var parsed);
        return parsed;
    }
}
