using Microsoft.Extensions.Primitives;

namespace MassWork.Console.Gateway;

/// <summary>
/// The values of a plain form post read by name, for forms whose fields repeat (ticked boxes, rows
/// of a table) and so do not bind to one model: every value of a name, the first, or the one of
/// row i. Empty when the request posted no such form, so a page renders its blank form from it too.
/// </summary>
public sealed class PostedForm(IReadOnlyDictionary<string, StringValues> values)
{
    public static readonly PostedForm None = new(new Dictionary<string, StringValues>());

    /// <summary>The request's form if it carries <paramref name="marker"/>, a field only that form has; otherwise <see cref="None"/>.</summary>
    public static PostedForm Of(HttpContext? http, string marker) =>
        http?.Request.HasFormContentType == true && http.Request.Form.ContainsKey(marker)
            ? new PostedForm(http.Request.Form.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal))
            : None;

    public string[] All(string name) => values.TryGetValue(name, out var all) ? [.. all.Select(v => v ?? "")] : [];

    public string? One(string name) => All(name).FirstOrDefault();

    public string? At(string name, int row) => All(name).ElementAtOrDefault(row);

    /// <summary>The rows (of <paramref name="rows"/>) in which any of <paramref name="names"/> was filled in, in order: the rows the form sent.</summary>
    public List<int> FilledRows(int rows, params string[] names) =>
        [.. Enumerable.Range(0, rows).Where(row => names.Any(name => !string.IsNullOrWhiteSpace(At(name, row))))];
}
