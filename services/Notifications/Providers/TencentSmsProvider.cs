using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace MassWork.Notifications.Providers;

/// <summary>
/// Tencent Cloud SMS (API 2021-01-11 SendSms): up to 200 numbers a call with one template and
/// positional values, SessionContext carrying our OutId, TC3-HMAC-SHA256 signing. Tencent has no
/// lookup by our id, so a call with no answer is never resent automatically.
/// </summary>
public sealed class TencentSmsProvider(ProviderOptions options, HttpClient http, TimeProvider time) : ISmsProvider
{
    public const int MaxPerCall = 200;
    private const string ContentType = "application/json; charset=utf-8";

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "LimitExceeded.PhoneNumberThirtySecondLimit", "RequestLimitExceeded", "InternalError", "InternalError.Timeout", "FailedOperation.ContainSensitiveWord_",
    };

    public string Name => options.Name;

    public bool CanLookUp => false;

    public async Task<IReadOnlyList<SendResult>> SendAsync(Guid outId, IReadOnlyList<OutgoingSms> batch, CancellationToken cancellationToken)
    {
        var results = new List<SendResult>(batch.Count);
        // One call carries one set of values: messages with their own values go in calls of their own.
        foreach (var group in batch.GroupBy(m => (m.Signature, string.Join('\u001f', m.OrderedValues))))
        {
            foreach (var chunk in group.Chunk(MaxPerCall))
            {
                results.AddRange(await CallAsync(outId, chunk, cancellationToken));
            }
        }

        return results;
    }

    public Task<SentRecord?> FindAsync(string phone, DateOnly sendDay, Guid outId, CancellationToken cancellationToken) => Task.FromResult<SentRecord?>(null);

    private async Task<IEnumerable<SendResult>> CallAsync(Guid outId, OutgoingSms[] chunk, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new
        {
            PhoneNumberSet = chunk.Select(m => "+86" + m.Phone),
            SmsSdkAppId = options.AppId,
            SignName = chunk[0].Signature,
            TemplateId = options.TemplateIds.GetValueOrDefault(chunk[0].TemplateCode, chunk[0].TemplateCode),
            TemplateParamSet = chunk[0].OrderedValues,
            SessionContext = outId.ToString("N"),
        });
        var endpoint = new Uri(options.Endpoint);
        var now = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(ContentType);
        request.Headers.TryAddWithoutValidation("Authorization", TencentSigner.Authorization(options.AccessKeyId, options.AccessKeySecret, "sms", endpoint.Host, ContentType, body, now));
        request.Headers.Add("X-TC-Action", "SendSms");
        request.Headers.Add("X-TC-Timestamp", now.ToUnixTimeSeconds().ToString());
        request.Headers.Add("X-TC-Version", "2021-01-11");
        request.Headers.Add("X-TC-Region", string.IsNullOrEmpty(options.Region) ? "ap-guangzhou" : options.Region);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var parsed = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var answer = parsed.GetProperty("Response");
            if (answer.TryGetProperty("Error", out var error))
            {
                var code = error.GetProperty("Code").GetString() ?? "";
                var outcome = TransientCodes.Any(code.StartsWith) ? SendOutcome.Transient : SendOutcome.Permanent;
                return chunk.Select(m => new SendResult(m.MessageId, outcome, null, $"{code} {error.GetProperty("Message").GetString()}"));
            }

            var statuses = answer.GetProperty("SendStatusSet").EnumerateArray()
                .ToDictionary(s => s.GetProperty("PhoneNumber").GetString()!.TrimStart('+').Substring(2), s => s);
            return chunk.Select(m => statuses.TryGetValue(m.Phone, out var s) && s.GetProperty("Code").GetString() == "Ok"
                ? new SendResult(m.MessageId, SendOutcome.Accepted, s.GetProperty("SerialNo").GetString(), null)
                : new SendResult(m.MessageId, statuses.TryGetValue(m.Phone, out var f) && TransientCodes.Any(f.GetProperty("Code").GetString()!.StartsWith) ? SendOutcome.Transient : SendOutcome.Permanent,
                    null, statuses.TryGetValue(m.Phone, out var e) ? e.GetProperty("Message").GetString() : "no status for this number"));
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // Nothing reached the provider.
            return chunk.Select(m => new SendResult(m.MessageId, SendOutcome.Unreachable, null, e.Message));
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return chunk.Select(m => new SendResult(m.MessageId, SendOutcome.InDoubt, null, e.Message));
        }
    }
}
