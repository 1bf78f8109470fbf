using MassWork.Notifications.Messages;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using MassWork.Notifications.Providers;
using MassWork.Notifications.Recipients;
using MassWork.Notifications.Rules;
using Microsoft.Extensions.Options;

namespace MassWork.Notifications.Dispatch;

/// <summary>Aliyun's delivery receipt (SmsReport) as it pushes it.</summary>
public sealed record AliyunReport(
    [property: JsonPropertyName("phone_number")] string? PhoneNumber,
    [property: JsonPropertyName("send_time")] string? SendTime,
    [property: JsonPropertyName("report_time")] string? ReportTime,
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("err_code")] string? ErrCode,
    [property: JsonPropertyName("err_msg")] string? ErrMsg,
    [property: JsonPropertyName("sms_size")] string? SmsSize,
    [property: JsonPropertyName("biz_id")] string? BizId,
    [property: JsonPropertyName("out_id")] string? OutId);

/// <summary>Aliyun's upstream message (SmsUp): a reply from a handset.</summary>
public sealed record AliyunReply(
    [property: JsonPropertyName("phone_number")] string PhoneNumber,
    [property: JsonPropertyName("send_time")] string? SendTime,
    [property: JsonPropertyName("content")] string? Content,
    [property: JsonPropertyName("sign_name")] string? SignName,
    [property: JsonPropertyName("dest_code")] string? DestCode,
    [property: JsonPropertyName("sequence_id")] long SequenceId);

/// <summary>
/// Where providers push delivery receipts and replies. Providers hold no MassWork login, so each
/// call carries the configured callback token. A receipt finds its message by the call's OutId and
/// the number; a reply of T/TD/N/退订 opts the number out of broadcasts.
/// </summary>
public static class ProviderCallbackEndpoints
{
    public static IEndpointRouteBuilder MapProviderCallbackEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/providers/{provider}").WithTags("Provider callbacks").AllowAnonymous();
        group.MapPost("/reports", ReportsAsync).WithName("ProviderReports").WithSummary("Delivery receipts pushed by the provider (Aliyun SmsReport format)");
        group.MapPost("/replies", RepliesAsync).WithName("ProviderReplies").WithSummary("Replies pushed by the provider (Aliyun SmsUp format); T/TD/N/退订 opts out of broadcasts");
        return routes;
    }

    /// <summary>The provider's text as far as its column holds: a receipt is never refused for its length.</summary>
    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;

    private static readonly object Ok = new { code = 0, msg = "成功" };

    internal static async Task<IResult> ReportsAsync(string provider, string? token, List<AliyunReport> reports, NotificationsDbContext db,
        PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TokenMatches(token, options.Value.CallbackToken))
        {
            return Results.Json(new { code = 1, msg = "token" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        // A receipt names the batch and the phone it reports on; one without either matches no message.
        var usable = reports.Where(r => r is not null && Guid.TryParseExact(r.OutId, "N", out _) && !string.IsNullOrWhiteSpace(r.PhoneNumber)).ToList();
        if (usable.Count > 0)
        {
            var now = time.GetUtcNow();
            var outIds = usable.Select(r => Guid.ParseExact(r.OutId!, "N")).ToArray();
            var hashes = usable.Select(r => protector.PhoneHash(r.PhoneNumber!)).ToArray();
            var delivered = usable.Select(r => r.Success).ToArray();
            var statuses = usable.Select(r => SmsMessage.AfterReceipt(r.Success).ToString()).ToArray();
            var awaiting = SmsMessage.AwaitingReceipt.Select(s => s.ToString()).ToArray();
            var errors = usable.Select(r => r.Success ? "" : Cut($"{r.ErrCode} {r.ErrMsg}".Trim(), SmsMessage.MaxLastErrorLength)).ToArray();
            var bizIds = usable.Select(r => Cut(r.BizId ?? "", SmsMessage.MaxProviderMessageIdLength)).ToArray();
            await db.Database.ExecuteSqlAsync($"""
                UPDATE messages m SET
                    status = u.status,
                    delivered_at = CASE WHEN u.delivered THEN {now} END,
                    failed_at = CASE WHEN u.delivered THEN NULL ELSE {now} END,
                    last_error = NULLIF(u.error, ''),
                    provider_message_id = COALESCE(m.provider_message_id, NULLIF(u.biz_id, ''))
                FROM unnest({outIds}, {hashes}, {delivered}, {statuses}, {errors}, {bizIds}) AS u(out_id, phone_hash, delivered, status, error, biz_id)
                WHERE m.send_batch_id = u.out_id AND m.phone_hash = u.phone_hash AND m.status = ANY({awaiting})
                """, cancellationToken);
        }

        return Results.Json(Ok);
    }

    internal static async Task<IResult> RepliesAsync(string provider, string? token, List<AliyunReply> replies, NotificationsDbContext db,
        PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TokenMatches(token, options.Value.CallbackToken))
        {
            return Results.Json(new { code = 1, msg = "token" }, statusCode: StatusCodes.Status401Unauthorized);
        }

        foreach (var reply in replies.Where(r => OptOutKeywords.IsOptOut(r.Content)))
        {
            var hash = protector.PhoneHash(reply.PhoneNumber);
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO opt_outs (phone_hash, opted_out_at, reply) VALUES ({hash}, {time.GetUtcNow()}, {reply.Content!.Trim()}) ON CONFLICT DO NOTHING",
                cancellationToken);
        }

        return Results.Json(Ok);
    }

    private static bool TokenMatches(string? given, string expected) =>
        !string.IsNullOrEmpty(expected) && given is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
