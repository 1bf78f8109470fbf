using MassWork.Notifications.Messages;
using MassWork.Notifications.Templates;

namespace MassWork.Notifications.Broadcasts;

public sealed record BroadcastRequest(string? RegionPrefix, IReadOnlyList<string>? Tags, string? Audience, string? TemplateCode, Dictionary<string, string>? Values);

public sealed record BroadcastPreview(string Text, int SegmentsPerMessage, long Recipients, long OptedOut, long Messages, long TotalSegments);

public sealed record BroadcastPage(long Total, int Page, int PageSize, IReadOnlyList<BroadcastView> Broadcasts);

public sealed record BroadcastView(
    Guid Id, string RegionPrefix, IReadOnlyList<string> Tags, BroadcastAudience Audience, string TemplateCode, string Text, int Segments,
    BroadcastStatus Status, long Recipients, IReadOnlyDictionary<string, long> Messages, DateTimeOffset CreatedAt);

/// <summary>
/// Policy broadcasts to a region and optional household tags, to heads of household or every
/// member with a phone: preview the count and cost, send (fanned out in chunks), pause, resume,
/// cancel.
/// </summary>
public static class BroadcastEndpoints
{
    public static IEndpointRouteBuilder MapBroadcastEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/broadcasts").WithTags("Broadcasts").RequireAuthorization(Permissions.SendBroadcasts);
        group.MapPost("/preview", PreviewAsync).WithName("PreviewBroadcast").WithSummary("Recipients, opted-out numbers left out, and the segment cost, before sending");
        group.MapPost("/", CreateAsync).WithName("CreateBroadcast").WithSummary("Send a broadcast: messages are written in chunks and sent in batches")
            .WithIdempotency<NotificationsDbContext>();
        group.MapGet("/", ListAsync).WithName("ListBroadcasts").WithSummary("Broadcasts in your region, newest first, optionally by status, each with its messages by status");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetBroadcast").WithSummary("Where a broadcast stands: messages by status");
        group.MapPost("/{id:guid}/pause", (Guid id, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken ct) => ChangeAsync(id, caller, db, time, (b, now) => b.Pause(now), ct))
            .WithName("PauseBroadcast");
        group.MapPost("/{id:guid}/resume", (Guid id, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken ct) => ChangeAsync(id, caller, db, time, (b, now) => b.Resume(now), ct))
            .WithName("ResumeBroadcast");
        group.MapPost("/{id:guid}/cancel", (Guid id, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken ct) => ChangeAsync(id, caller, db, time, (b, now) => b.Cancel(now), ct))
            .WithName("CancelBroadcast").WithSummary("Stop for good: messages not yet handed to a provider are suppressed");
        return routes;
    }

    internal static async Task<Results<Ok<BroadcastPreview>, ValidationProblem, ProblemHttpResult>> PreviewAsync(
        BroadcastRequest request, Caller caller, NotificationsDbContext db, TemplateCatalog templates, IValidator<BroadcastRequest> validator,
        CancellationToken cancellationToken)
    {
        var (checkedRequest, invalid, forbidden) = await CheckAsync(request, caller, templates, validator, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (forbidden is not null)
        {
            return forbidden;
        }

        var (prefix, tags, heads, sms) = checkedRequest!.Value;
        var counts = await db.Database.SqlQuery<PreviewCounts>($"""
            SELECT count(DISTINCT r.phone_hash) AS "Numbers", count(DISTINCT r.phone_hash) FILTER (WHERE o.phone_hash IS NOT NULL) AS "OptedOut"
            FROM recipients r LEFT JOIN opt_outs o ON o.phone_hash = r.phone_hash
            WHERE r.village_code LIKE {prefix + "%"} AND (cardinality({tags}) = 0 OR r.tags && {tags}) AND (NOT {heads} OR r.is_head)
            """).SingleAsync(cancellationToken);
        var messages = counts.Numbers - counts.OptedOut;
        return TypedResults.Ok(new BroadcastPreview(TemplateText.Signed(sms.Template.Signature, sms.Text), sms.Segments, counts.Numbers, counts.OptedOut, messages, messages * sms.Segments));
    }

    internal static async Task<Results<Created<BroadcastView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        BroadcastRequest request, Caller caller, NotificationsDbContext db, TemplateCatalog templates, IValidator<BroadcastRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (checkedRequest, invalid, forbidden) = await CheckAsync(request, caller, templates, validator, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (forbidden is not null)
        {
            return forbidden;
        }

        var (prefix, tags, heads, sms) = checkedRequest!.Value;
        var now = time.GetUtcNow();
        var broadcast = new Broadcast
        {
            Id = Guid.CreateVersion7(now), RegionPrefix = prefix, Tags = tags, Audience = heads ? BroadcastAudience.Heads : BroadcastAudience.AllMembers,
            TemplateCode = sms.Template.Code, Params = request.Values ?? [], Signature = sms.Template.Signature, Text = sms.Text, Segments = sms.Segments,
            Status = BroadcastStatus.Preparing, CreatedBy = caller.UserId, CreatedAt = now, UpdatedAt = now,
        };
        db.Broadcasts.Add(broadcast);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notifications/broadcasts/{broadcast.Id}", View(broadcast, new Dictionary<string, long>()));
    }

    internal static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var broadcast = await db.Broadcasts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id && b.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken);
        if (broadcast is null)
        {
            return Problems.NotFound($"Broadcast {id}");
        }

        var counts = await db.Messages.Where(m => m.BroadcastId == id).GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        return TypedResults.Ok(View(broadcast, counts.ToDictionary(c => c.Key.ToString(), c => c.Count)));
    }

    internal static async Task<Results<Ok<BroadcastPage>, ValidationProblem>> ListAsync(
        Caller caller, NotificationsDbContext db, CancellationToken cancellationToken, string? status = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        var broadcasts = db.Broadcasts.AsNoTracking().Where(b => b.RegionPrefix.StartsWith(caller.RegionPrefix));
        if (status is not null)
        {
            if (!EnumNames.TryParse<BroadcastStatus>(status, out var parsed))
            {
                return Problems.Invalid("status", EnumNames.OneOf<BroadcastStatus>());
            }

            broadcasts = broadcasts.Where(b => b.Status == parsed);
        }

        var total = await broadcasts.LongCountAsync(cancellationToken);
        var rows = await broadcasts.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = rows.Select(b => b.Id).ToList();
        var counts = (await db.Messages.Where(m => m.BroadcastId != null && ids.Contains(m.BroadcastId.Value))
                .GroupBy(m => new { m.BroadcastId, m.Status }).Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.LongCount() })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.BroadcastId!.Value);
        return TypedResults.Ok(new BroadcastPage(total, page, pageSize,
            rows.Select(b => View(b, counts[b.Id].ToDictionary(c => c.Status.ToString(), c => c.Count))).ToList()));
    }

    internal static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> ChangeAsync(Guid id, Caller caller, NotificationsDbContext db, TimeProvider time, Action<Broadcast, DateTimeOffset> step, CancellationToken cancellationToken)
    {
        var broadcast = await db.Broadcasts.SingleOrDefaultAsync(b => b.Id == id && b.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken);
        if (broadcast is null)
        {
            return Problems.NotFound($"Broadcast {id}");
        }

        step(broadcast, time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (broadcast.Status == BroadcastStatus.Cancelled)
        {
            // Set-based for a city-wide broadcast: the same change as SmsMessage.Suppress on each waiting message.
            await db.Messages.Where(m => m.BroadcastId == id && SmsMessage.Waiting.Contains(m.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Suppressed).SetProperty(m => m.StatusReason, "BroadcastCancelled"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(id, caller, db, cancellationToken);
    }

    private sealed record PreviewCounts(long Numbers, long OptedOut);

    private static async Task<((string Prefix, string[] Tags, bool Heads, RenderedSms Sms)? Value, ValidationProblem? Invalid, ProblemHttpResult? Forbidden)> CheckAsync(
        BroadcastRequest request, Caller caller, TemplateCatalog templates, IValidator<BroadcastRequest> validator, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(request);
        RenderedSms? sms = null;
        var template = request.TemplateCode is null ? null : await templates.FindAsync(request.TemplateCode, cancellationToken);
        if (template is null || template.Kind != TemplateKind.Broadcast)
        {
            validation.Also("templateCode", "A broadcast template (kind Broadcast), e.g. policy-broadcast.");
        }
        else
        {
            (sms, var error) = await templates.RenderAsync(template.Code, request.Values ?? [], cancellationToken);
            validation.Also("values", error);
        }

        if (!validation.IsValid)
        {
            return (null, validation.ToProblem("The broadcast is not valid"), null);
        }

        var (prefix, tags, heads) = BroadcastValidator.Checked(request);
        return caller.Covers(prefix)
            ? ((prefix, tags, heads, sms!), null, null)
            : (null, null, Problems.OutsideRegion("regionPrefix", prefix, caller.RegionPrefix));
    }

    private static BroadcastView View(Broadcast b, IReadOnlyDictionary<string, long> messages) => new(
        b.Id, b.RegionPrefix, b.Tags, b.Audience, b.TemplateCode, TemplateText.Signed(b.Signature, b.Text), b.Segments, b.Status, b.Recipients, messages,
        ChinaTime.Local(b.CreatedAt));
}
