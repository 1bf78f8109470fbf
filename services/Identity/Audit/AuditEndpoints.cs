using System.Diagnostics;
using MassWork.Contracts.Audit.V1;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.Identity.Audit;

/// <summary>A record of the audit log as the audit administrator reads it; times in Asia/Shanghai.</summary>
public sealed record AuditEntryView(
    long Sequence, Guid AuditId, string Service, DateTimeOffset At, string UserId, IReadOnlyList<string> Roles, string Region, string Action,
    string? TraceId, IReadOnlyList<AuditedChange> Changes, string PreviousHash, string Hash);

public sealed record AuditPage(long Total, int Page, int PageSize, IReadOnlyList<AuditEntryView> Entries);

/// <summary>
/// The audit log (审计日志), for the audit administrator alone (审计管理员, kept apart from the system and
/// security administrators): records by person, entity and time within their region, and the chain's
/// verification. Each of these reads is itself chained into the log.
/// </summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder routes)
    {
        var audit = routes.MapGroup("/api/identity/audit").WithTags("Audit").RequireAuthorization(Permissions.ReadAudit);
        audit.MapGet("/", ListAsync).WithName("ListAuditEntries")
            .WithSummary("Audit records of your region, newest first: by user, by entity (Type:key) and by time (Asia/Shanghai days)");
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAuditChain")
            .WithSummary("Checks the hash chain from its anchor: the first record deleted, altered or out of place");
        return routes;
    }

    internal static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        Caller caller, AccountsDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken,
        string? user = null, string? entity = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (from is { } f && to is { } t && t < f)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        var query = db.AuditEntries.AsNoTracking().Where(e => e.Region.StartsWith(caller.RegionPrefix));
        if (!string.IsNullOrWhiteSpace(user))
        {
            query = query.Where(e => e.UserId == user.Trim());
        }

        if (!string.IsNullOrWhiteSpace(entity))
        {
            query = query.Where(e => e.Entities.Contains(entity.Trim()));
        }

        if (from is { } first)
        {
            var start = ChinaTime.StartOf(first);
            query = query.Where(e => e.At >= start);
        }

        if (to is { } last)
        {
            var end = ChinaTime.StartOf(last.AddDays(1));
            query = query.Where(e => e.At < end);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        await RecordReadAsync(db, time, http, caller, new Dictionary<string, string?>
        {
            ["user"] = user, ["entity"] = entity, ["from"] = from?.ToString("O"), ["to"] = to?.ToString("O"), ["page"] = page.ToString(),
        }, cancellationToken);
        return TypedResults.Ok(new AuditPage(total, page, pageSize, [.. entries.Select(View)]));
    }

    internal static async Task<Ok<ChainVerification>> VerifyAsync(Caller caller, AccountsDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var verification = await new AuditChain(db, time).VerifyAsync(cancellationToken);
        await RecordReadAsync(db, time, http, caller, new Dictionary<string, string?> { ["intact"] = verification.Intact.ToString() }, cancellationToken);
        return TypedResults.Ok(verification);
    }

    /// <summary>The audit administrator's own read, chained like any other record.</summary>
    private static async Task RecordReadAsync(AccountsDbContext db, TimeProvider time, HttpContext http, Caller caller, Dictionary<string, string?> query, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value;
        await new AuditChain(db, time).AppendAsync(new AuditRecorded(
            Guid.CreateVersion7(), "MassWork.Identity", time.GetUtcNow(), caller.UserId, [.. caller.Roles.Order(StringComparer.Ordinal)], caller.RegionPrefix,
            $"{http.Request.Method} {route}", Activity.Current?.TraceId.ToString(), [new AuditedChange("AuditLog", "", "Read", null, query)]), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static AuditEntryView View(AuditEntry e) => new(
        e.Sequence, e.AuditId, e.Service, ChinaTime.Local(e.At), e.UserId, e.Roles, e.Region, e.Action, e.TraceId,
        System.Text.Json.JsonSerializer.Deserialize<List<AuditedChange>>(e.Changes, System.Text.Json.JsonSerializerOptions.Web) ?? [], e.PreviousHash, e.Hash);
}
