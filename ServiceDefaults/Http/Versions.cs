using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>
    /// True when a save lost a race with another request changing the same thing: the row's version
    /// moved (xmin), or both added the same child (a unique key: the same approval step, milestone or
    /// member name). Either way the caller gets 409 and reads again.
    /// </summary>
    public static bool IsLostRace(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
