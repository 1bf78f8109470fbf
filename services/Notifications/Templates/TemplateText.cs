using System.Text;
using System.Text.RegularExpressions;

namespace MassWork.Notifications.Templates;

/// <summary>
/// Template text with named variables written ${name}, the form Aliyun and Tencent templates use.
/// Rendering refuses a template whose variables are not all given.
/// </summary>
public static partial class TemplateText
{
    [GeneratedRegex(@"\$\{([A-Za-z][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    public static IReadOnlyList<string> Variables(string text) =>
        Variable().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

    /// <summary>The text with every variable replaced, or the names that were not given.</summary>
    public static (string? Text, IReadOnlyList<string> Missing) Render(string text, IReadOnlyDictionary<string, string> values)
    {
        var missing = Variables(text).Where(v => !values.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            return (null, missing);
        }

        return (Variable().Replace(text, m => values[m.Groups[1].Value]), []);
    }

    /// <summary>Problems with a template text: unbalanced braces, or nothing to say.</summary>
    public static string? Validate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "Required.";
        }

        var withoutVariables = Variable().Replace(text, "");
        return withoutVariables.Contains("${", StringComparison.Ordinal) || withoutVariables.Contains('}')
            ? "Variables are written ${name}: a letter, then letters, digits or '_'."
            : null;
    }

    public static string Signed(string signature, string text) => new StringBuilder(signature.Length + text.Length + 2)
        .Append('【').Append(signature).Append('】').Append(text).ToString();
}
