using System.Globalization;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MassWork.Notifications.Providers;

/// <summary>
/// Aliyun SMS (dysmsapi 2017-05-25): SendSms for up to 1,000 numbers with one text, SendBatchSms
/// for up to 100 numbers with their own values, OutId for correlation, QuerySendDetails to find an
/// earlier send, every request signed (see <see cref="AliyunSigner"/>).
/// </summary>
public sealed class AliyunSmsProvider(ProviderOptions options, HttpClient http, TimeProvider time) : ISmsProvider
{
    public const int MaxSameText = 1000;
    public const int MaxPerNumber = 100;

    /// <summary>Codes that mean "not now": the message is tried again, then on the next provider.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "isv.BUSINESS_LIMIT_CONTROL", "Throttling.User", "ServiceUnavailable", "InternalError", "isp.SYSTEM_ERROR", "isv.OUT_OF_SERVICE",
    };

    /// <summary>Chinese values go as UTF-8, not \u escapes.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Name => options.Name;

    public bool CanLookUp => true;

    public async Task<IReadOnlyList<SendResult>> SendAsync(Guid outId, IReadOnlyList<OutgoingSms> batch, CancellationToken cancellationToken)
    {
        var results = new List<SendResult>(batch.Count);
        var sameText = batch.Select(m => (m.Signature, Values: JsonSerializer.Serialize(m.Values))).Distinct().Count() == 1;
        foreach (var chunk in batch.Chunk(sameText ? MaxSameText : MaxPerNumber))
        {
            var template = TemplateId(chunk[0].TemplateCode);
            var parameters = sameText
                ? new Dictionary<string, string>
                {
                    ["Action"] = "SendSms",
                    ["PhoneNumbers"] = string.Join(",", chunk.Select(m => m.Phone)),
                    ["SignName"] = chunk[0].Signature,
                    ["TemplateCode"] = template,
                    ["TemplateParam"] = JsonSerializer.Serialize(chunk[0].Values, Json),
                    ["OutId"] = outId.ToString("N"),
                }
                : new Dictionary<string, string>
                {
                    ["Action"] = "SendBatchSms",
                    ["PhoneNumberJson"] = JsonSerializer.Serialize(chunk.Select(m => m.Phone)),
                    ["SignNameJson"] = JsonSerializer.Serialize(chunk.Select(m => m.Signature), Json),
                    ["TemplateCode"] = template,
                    ["TemplateParamJson"] = JsonSerializer.Serialize(chunk.Select(m => m.Values), Json),
                    ["OutId"] = outId.ToString("N"),
                };
            var (outcome, response, error) = await CallAsync(parameters, cancellationToken);
            results.AddRange(chunk.Select(m => new SendResult(m.MessageId, outcome, response?.BizId, error)));
        }

        return results;
    }

    public async Task<SentRecord?> FindAsync(string phone, DateOnly sendDay, Guid outId, CancellationToken cancellationToken)
    {
        var (outcome, response, error) = await CallAsync(new Dictionary<string, string>
        {
            ["Action"] = "QuerySendDetails",
            ["PhoneNumber"] = phone,
            ["SendDate"] = sendDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            ["PageSize"] = "50",
            ["CurrentPage"] = "1",
        }, cancellationToken);
        if (outcome != SendOutcome.Accepted)
        {
            throw new HttpRequestException($"QuerySendDetails failed: {error}");
        }

        var found = response?.SmsSendDetailDTOs?.SmsSendDetailDTO?.FirstOrDefault(d => d.OutId == outId.ToString("N"));
        return found is null ? null : new SentRecord(found.BizId ?? "", found.SendStatus switch { 3 => true, 2 => false, _ => null });
    }

    private async Task<(SendOutcome, AliyunResponse?, string?)> CallAsync(Dictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        parameters["AccessKeyId"] = options.AccessKeyId;
        parameters["Format"] = "JSON";
        parameters["RegionId"] = string.IsNullOrEmpty(options.Region) ? "cn-hangzhou" : options.Region;
        parameters["SignatureMethod"] = "HMAC-SHA1";
        parameters["SignatureNonce"] = Guid.NewGuid().ToString();
        parameters["SignatureVersion"] = "1.0";
        parameters["Timestamp"] = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        parameters["Version"] = "2017-05-25";
        parameters["Signature"] = AliyunSigner.Sign("POST", parameters, options.AccessKeySecret);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await http.PostAsync(options.Endpoint, new FormUrlEncodedContent(parameters), timeout.Token);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            // Nothing reached the provider.
            return (SendOutcome.Unreachable, null, e.Message);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (SendOutcome.InDoubt, null, e.Message);
        }

        using (response)
        {
            AliyunResponse? body = null;
            try
            {
                body = await response.Content.ReadFromJsonAsync<AliyunResponse>(cancellationToken);
            }
            catch (JsonException)
            {
                // A gateway's HTML error page: judged by the status code below.
            }

            if (body?.Code == "OK")
            {
                return (SendOutcome.Accepted, body, null);
            }

            var error = $"{(int)response.StatusCode} {body?.Code} {body?.Message}".Trim();
            if (body?.Code is { } code)
            {
                return (TransientCodes.Contains(code) ? SendOutcome.Transient : SendOutcome.Permanent, body, error);
            }

            // No answer we can read: a 5xx may have come after the provider took the request.
            return ((int)response.StatusCode >= 500 ? SendOutcome.InDoubt : SendOutcome.Permanent, body, error);
        }
    }

    private string TemplateId(string code) => options.TemplateIds.GetValueOrDefault(code, code);

    private sealed record AliyunResponse(string? Code, string? Message, string? BizId, string? RequestId, DetailList? SmsSendDetailDTOs);

    private sealed record DetailList([property: JsonPropertyName("SmsSendDetailDTO")] List<Detail>? SmsSendDetailDTO);

    private sealed record Detail(string? PhoneNum, int SendStatus, string? ErrCode, string? OutId, string? BizId);
}
