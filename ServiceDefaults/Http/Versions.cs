using Microsoft.AspNetCore.Http;

namespace MassWork.ServiceDefaults.Http;

/// <summary>
/// Optimistic concurrency over HTTP: an entity's row version (PostgreSQL xmin) is its ETag, and a
/// change sent with If-Match is refused (412) when the entity changed since it was read.
/// </summary>
public static class Versions
{
    public static string ETag(uint version) => $"\"{version}\"";

    /// <summary>True when If-Match names another version. No header, or "*", matches any (RFC 9110 §13.1.1).</summary>
    public static bool IfMatchFails(HttpRequest request, uint version)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim();
        return ifMatch.Length > 0 && ifMatch != "*"
            && !ifMatch.Split(',').Select(tag => tag.Trim()).Select(tag => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag)
                .Contains(ETag(version));
    }
}
