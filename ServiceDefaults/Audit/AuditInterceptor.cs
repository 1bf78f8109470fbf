using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassWork.Contracts.Audit.V1;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Data;
using MassWork.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MassWork.ServiceDefaults.Audit;

/// <summary>
/// Audits what a signed-in user changes: on each save made within a request, one
/// <see cref="AuditRecorded"/> for all the entities added, modified or deleted, queued in the outbox
/// so it commits with the change or not at all. Saves outside a request (consumers, sweepers, the
/// demo) are the platform's own reactions to something already audited. The platform's plumbing
/// (<see cref="INotAudited"/>) is not audited.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor http, IHostEnvironment environment, IOptions<AuditOptions> options, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    private void Audit(DbContext? context)
    {
        if (!options.Value.Enabled || context is not ServiceDbContext db || http.HttpContext is not { } request
            || Caller.FromPrincipal(request.User) is not { } caller)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && e.Entity is not INotAudited)
            .Select(Change)
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        var auditId = Guid.CreateVersion7();
        var route = (request.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? request.Request.Path.Value;
        db.RaiseIntegrationEvent(new AuditRecorded(
            auditId, environment.ApplicationName, time.GetUtcNow(), caller.UserId, [.. caller.Roles.Order(StringComparer.Ordinal)], caller.RegionPrefix,
            $"{request.Request.Method} {route}", Activity.Current?.TraceId.ToString(), changes), auditId.ToString());
    }

    private static AuditedChange Change(EntityEntry entry)
    {
        // A key the database generates is not known before the save: such a row reads "new" (its values, when audited, say which).
        var key = entry.Metadata.FindPrimaryKey() is { } primary
            ? string.Join("|", primary.Properties.Select(p => entry.Property(p.Name) is { IsTemporary: true } ? "new" : Text(entry.Property(p.Name).CurrentValue)))
            : "";
        Dictionary<string, string?>? before = null, after = null;
        if (entry.Entity is IAuditedValues)
        {
            var properties = entry.Properties.Where(p => entry.State != EntityState.Modified || p.IsModified).ToList();
            before = entry.State == EntityState.Added ? null : properties.ToDictionary(p => p.Metadata.Name, p => Text(p.OriginalValue));
            after = entry.State == EntityState.Deleted ? null : properties.ToDictionary(p => p.Metadata.Name, p => Text(p.CurrentValue));
        }

        return new AuditedChange(entry.Metadata.ClrType.Name, key, entry.State.ToString(), before, after);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTimeOffset t => t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value, value.GetType(), Json),
    };
}
