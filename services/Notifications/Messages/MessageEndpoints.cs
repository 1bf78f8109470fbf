namespace MassWork.Notifications.Messages;

/// <summary>A message as staff see it: masked number, status, times in Asia/Shanghai.</summary>
public sealed record MessageView(
    Guid Id, string TemplateCode, string Text, int Segments, string Phone, Guid? HouseholdId, string RegionCode, Guid? BroadcastId,
    MessageStatus Status, string? StatusReason, int Attempts, string? Provider, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt, DateTimeOffset? FailedAt)
{
    public static MessageView Of(SmsMessage m)
    {
        var withheld = m.Disclosure == MessageDisclosure.Withheld;
        var text = m.Disclosure switch
        {
            MessageDisclosure.Full => $"【{m.Signature}】{m.Text}",
            MessageDisclosure.TextWithheld => $"【{m.Signature}】（验证码短信，内容不显示）",
            _ => "（内容不显示）",
        };
        return new(
            m.Id, m.TemplateCode, text, m.Segments, withheld ? "***" : m.PhoneMasked, withheld ? null : m.HouseholdId, m.RegionCode, m.BroadcastId, m.Status,
            m.StatusReason, m.Attempts, m.Provider, m.LastError, ChinaTime.Local(m.CreatedAt),
            m.Status is MessageStatus.Queued or MessageStatus.Deferred ? ChinaTime.Local(m.NextAttemptAt) : null,
            ChinaTime.Local(m.SentAt), ChinaTime.Local(m.DeliveredAt), ChinaTime.Local(m.FailedAt));
    }
}

public sealed record MessagePage(long Total, int Page, int PageSize, IReadOnlyList<MessageView> Messages);

public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications").WithTags("Messages");
        group.MapGet("/messages", ListAsync).WithName("ListMessages")
            .WithSummary("Message history in your region: per household (householdId) or per number (phone, matched exactly, shown masked), by status");
        group.MapGet("/messages/{id:guid}", GetAsync).WithName("GetMessage");
        group.MapGet("/dead-letters", DeadLettersAsync).WithName("ListDeadLetters").WithSummary("Messages that failed for good, newest first, for an operator to look at and retry")
            .RequireAuthorization(Permissions.OperateMessaging);
        group.MapPost("/messages/{id:guid}/retry", RetryAsync).WithName("RetryMessage").WithSummary("Queue a failed message again, from the first provider")
            .RequireAuthorization(Permissions.OperateMessaging);
        return routes;
    }

    internal static async Task<Results<Ok<MessagePage>, ValidationProblem>> ListAsync(
        Caller caller, NotificationsDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken,
        Guid? householdId = null, string? phone = null, string? status = null, Guid? broadcastId = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        // Withheld messages are never in the history: a household, a number or a case number must not lead to an accuser.
        var query = db.Messages.AsNoTracking().Where(m => m.RegionCode.StartsWith(caller.RegionPrefix) && m.Disclosure != MessageDisclosure.Withheld);
        if (householdId is { } id)
        {
            query = query.Where(m => m.HouseholdId == id);
        }

        if (phone is not null)
        {
            var normalized = PhoneNumber.Normalize(phone);
            if (PhoneNumber.Validate(normalized) is { } problem)
            {
                return Problems.Invalid("phone", problem);
            }

            var hash = protector.Hash(normalized);
            query = query.Where(m => m.PhoneHash == hash);
        }

        if (status is not null)
        {
            if (!EnumNames.TryParse<MessageStatus>(status, out var parsed))
            {
                return Problems.Invalid("status", EnumNames.OneOf<MessageStatus>());
            }

            query = query.Where(m => m.Status == parsed);
        }

        if (broadcastId is { } b)
        {
            query = query.Where(m => m.BroadcastId == b);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new MessagePage(total, page, pageSize, rows.Select(MessageView.Of).ToList()));
    }

    internal static async Task<Results<Ok<MessageView>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, NotificationsDbContext db, CancellationToken cancellationToken) =>
        await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken) is { } m
            ? TypedResults.Ok(MessageView.Of(m))
            : Problems.NotFound($"Message {id}");

    internal static async Task<Results<Ok<MessagePage>, ValidationProblem>> DeadLettersAsync(
        Caller caller, NotificationsDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        var query = db.Messages.AsNoTracking().Where(m => m.Status == MessageStatus.Failed && m.RegionCode.StartsWith(caller.RegionPrefix));
        var total = await query.LongCountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.FailedAt).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new MessagePage(total, page, pageSize, rows.Select(MessageView.Of).ToList()));
    }

    internal static async Task<Results<Ok<MessageView>, ProblemHttpResult>> RetryAsync(Guid id, Caller caller, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == id && m.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (message is null)
        {
            return Problems.NotFound($"Message {id}");
        }

        message.Resend(caller.UserId, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(MessageView.Of(message));
    }
}
