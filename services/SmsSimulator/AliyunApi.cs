using System.Globalization;
using System.Text.Json;

namespace MassWork.SmsSimulator;

/// <summary>
/// The Aliyun dysmsapi request shape: POST / with form parameters, RPC-signed. SendSms (up to
/// 1,000 numbers, one text), SendBatchSms (up to 100, per-number values), QuerySendDetails.
/// </summary>
public static class AliyunApi
{
    public static async Task<IResult> HandleAsync(HttpRequest request, SimulatorState state, SimulatorOptions options, TimeProvider time)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        var parameters = (form?.Select(p => (p.Key, Value: p.Value.ToString())) ?? request.Query.Select(p => (p.Key, Value: p.Value.ToString())))
            .ToDictionary(p => p.Key, p => p.Value);
        var account = options.Accounts.FirstOrDefault(a => a.AccessKeyId == parameters.GetValueOrDefault("AccessKeyId"));
        if (account is null)
        {
            return Error("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404);
        }

        if (parameters.GetValueOrDefault("Signature") != MassWork.Notifications.Providers.AliyunSigner.Sign(request.Method, parameters, account.AccessKeySecret))
        {
            return Error("SignatureDoesNotMatch", "Specified signature is not matched with our calculation.", 400);
        }

        Interlocked.Increment(ref state.Calls);
        var action = parameters.GetValueOrDefault("Action");
        if (action == "QuerySendDetails")
        {
            return Query(parameters, state);
        }

        var behaviour = state.BehaviourOf(account.AccessKeyId);
        if (Random.Shared.NextDouble() < behaviour.FailureRate)
        {
            switch (behaviour.Mode)
            {
                case "ServerError":
                    return Results.Text("<html>502 Bad Gateway</html>", "text/html", statusCode: 502);
                case "Hang":
                    await Task.Delay(TimeSpan.FromSeconds(30), request.HttpContext.RequestAborted);
                    break;
                default:
                    return Error(behaviour.FailCode, "触发流控", 200);
            }
        }

        List<(string Phone, string Sign, string Param)> targets;
        switch (action)
        {
            case "SendSms":
                var phones = parameters.GetValueOrDefault("PhoneNumbers", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
                if (phones.Length is 0 or > 1000)
                {
                    return Error("isv.MOBILE_COUNT_OVER_LIMIT", "PhoneNumbers: 1 to 1000 numbers.", 200);
                }

                targets = phones.Select(p => (p, parameters.GetValueOrDefault("SignName", ""), parameters.GetValueOrDefault("TemplateParam", "{}"))).ToList();
                break;
            case "SendBatchSms":
                var batchPhones = JsonSerializer.Deserialize<string[]>(parameters.GetValueOrDefault("PhoneNumberJson", "[]")) ?? [];
                var signs = JsonSerializer.Deserialize<string[]>(parameters.GetValueOrDefault("SignNameJson", "[]")) ?? [];
                var values = JsonSerializer.Deserialize<JsonElement[]>(parameters.GetValueOrDefault("TemplateParamJson", "[]")) ?? [];
                if (batchPhones.Length is 0 or > 100 || signs.Length != batchPhones.Length || values.Length != batchPhones.Length)
                {
                    return Error("isv.INVALID_JSON_PARAM", "PhoneNumberJson, SignNameJson and TemplateParamJson: 1 to 100 entries each, of the same length.", 200);
                }

                targets = batchPhones.Select((p, i) => (p, signs[i], values[i].GetRawText())).ToList();
                break;
            default:
                return Error("InvalidAction.NotFound", $"Action {action} is not supported.", 400);
        }

        var bad = targets.Select(t => t.Phone).FirstOrDefault(p => !(p.Length == 11 && p[0] == '1' && p.All(char.IsAsciiDigit)));
        if (bad is not null)
        {
            return Error("isv.MOBILE_NUMBER_ILLEGAL", $"非法手机号 {bad}", 200);
        }

        var bizId = $"{Random.Shared.NextInt64(100000, 999999)}^{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        var now = time.GetUtcNow();
        foreach (var (phone, sign, param) in targets)
        {
            var message = new SimulatedMessage(account.Name, phone, sign, parameters.GetValueOrDefault("TemplateCode", ""), param, parameters.GetValueOrDefault("OutId", ""), bizId, now);
            state.Record(message);
            state.Receipts.Enqueue(new PendingReceipt(account.Name, message, now + options.ReceiptDelay));
        }

        return Results.Json(new { Code = "OK", Message = "OK", BizId = bizId, RequestId = Guid.NewGuid().ToString().ToUpperInvariant() });
    }

    private static IResult Query(Dictionary<string, string> parameters, SimulatorState state)
    {
        var phone = parameters.GetValueOrDefault("PhoneNumber", "");
        var day = parameters.GetValueOrDefault("SendDate", "");
        var bizId = parameters.GetValueOrDefault("BizId");
        var shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var found = (state.ByPhone.GetValueOrDefault(phone)?.ToArray() ?? [])
            .Where(m => TimeZoneInfo.ConvertTime(m.SentAt, shanghai).ToString("yyyyMMdd", CultureInfo.InvariantCulture) == day && (bizId is null || m.BizId == bizId))
            .Select(m => new
            {
                PhoneNum = m.Phone,
                SendStatus = m.Delivered switch { true => 3, false => 2, null => 1 },
                ErrCode = m.Delivered == false ? "MK:0001" : "DELIVERED",
                m.TemplateCode,
                Content = m.TemplateParam,
                SendDate = TimeZoneInfo.ConvertTime(m.SentAt, shanghai).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                m.OutId,
                m.BizId,
            }).ToList();
        return Results.Json(new { Code = "OK", Message = "OK", TotalCount = found.Count, SmsSendDetailDTOs = new { SmsSendDetailDTO = found }, RequestId = Guid.NewGuid().ToString() });
    }

    private static IResult Error(string code, string message, int status) =>
        Results.Json(new { Code = code, Message = message, RequestId = Guid.NewGuid().ToString().ToUpperInvariant() }, statusCode: status);
}
