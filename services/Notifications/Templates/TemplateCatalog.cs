using MassWork.ServiceDefaults.Data;

namespace MassWork.Notifications.Templates;

/// <summary>A rendered message: the template it came from, the text without signature and the billed segments.</summary>
public sealed record RenderedSms(SmsTemplate Template, string Text, int Segments);

/// <summary>The stored templates, cached for a minute (at once after an edit on this replica).</summary>
public sealed class TemplateCatalog(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(IReadOnlyDictionary<string, SmsTemplate> Templates, DateTimeOffset LoadedAt);

    public async Task<SmsTemplate?> FindAsync(string code, CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Templates.GetValueOrDefault(code);

    /// <summary>Renders a template; the error names what is wrong (unknown template, missing variables, too long).</summary>
    public async Task<(RenderedSms? Sms, string? Error)> RenderAsync(string code, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        var template = await FindAsync(code, cancellationToken);
        if (template is null)
        {
            return (null, $"Unknown template {code}.");
        }

        var (text, missing) = TemplateText.Render(template.Text, values);
        if (text is null)
        {
            return (null, $"Template {code} needs {string.Join(", ", missing)}.");
        }

        var signed = TemplateText.Signed(template.Signature, text);
        return SmsSegments.Fits(signed)
            ? (new RenderedSms(template, text, SmsSegments.Count(signed)), null)
            : (null, $"Signature and text are {SmsSegments.Length(signed)} characters; at most {SmsSegments.MaxLength}.");
    }

    public void Invalidate() => _snapshot = null;

    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && time.GetUtcNow() - snapshot.LoadedAt < MaxAge)
        {
            return snapshot;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var templates = await db.Templates.AsNoTracking().ToDictionaryAsync(t => t.Code, cancellationToken);
        _snapshot = snapshot = new Snapshot(templates, time.GetUtcNow());
        return snapshot;
    }
}

/// <summary>Adds the platform's default templates when missing; wording a city changed is kept.</summary>
public sealed class TemplateSeeder(IServiceScopeFactory scopes, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await AdvisoryLock.OneAtATimeAsync(db, "notifications-templates", () => AddMissingAsync(db, cancellationToken), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AddMissingAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var known = await db.Templates.Select(t => t.Code).ToListAsync(cancellationToken);
        foreach (var template in DefaultTemplates.All.Where(t => !known.Contains(t.Code)))
        {
            template.UpdatedAt = time.GetUtcNow();
            db.Templates.Add(template);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
