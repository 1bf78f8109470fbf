using System.Net;
using System.Text;
using System.Text.Json;
using MassWork.Notifications.Providers;

namespace MassWork.UnitTests.Notifications;

/// <summary>The adapters' request shapes and answer handling, against a recording HTTP handler.</summary>
public sealed class ProviderAdapterTests
{
    private sealed class Recorder(Func<HttpRequestMessage, string, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, string Body)> Calls { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Calls.Add((request, body));
            return answer(request, body);
        }
    }

    private static HttpResponseMessage Json(object body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

    private static OutgoingSms Sms(string phone, string content = "防火") =>
        new(Guid.NewGuid(), phone, "赣州群众工作", "policy-broadcast", new Dictionary<string, string> { ["content"] = content }, [content], content);

    private static ProviderOptions Options(string kind) => new()
    {
        Name = kind.ToLowerInvariant(), Kind = kind, Endpoint = kind == "Aliyun" ? "https://dysmsapi.aliyuncs.com/" : "https://sms.tencentcloudapi.com/",
        AccessKeyId = "id", AccessKeySecret = "secret", AppId = "1400000000", TemplateIds = new() { ["policy-broadcast"] = "SMS_1" },
    };

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1].Replace('+', ' ')));

    [Fact]
    public async Task Aliyun_sends_one_text_to_up_to_1000_numbers_per_signed_SendSms_call()
    {
        var recorder = new Recorder((_, _) => Json(new { Code = "OK", Message = "OK", BizId = "900^1" }));
        var provider = new AliyunSmsProvider(Options("Aliyun"), new HttpClient(recorder), TimeProvider.System);
        var batch = Enumerable.Range(0, 1500).Select(i => Sms($"139{i:D8}")).ToList();
        var outId = Guid.NewGuid();

        var results = await provider.SendAsync(outId, batch, CancellationToken.None);

        Assert.Equal(2, recorder.Calls.Count);
        var form = Form(recorder.Calls[0].Body);
        Assert.Equal(("SendSms", "SMS_1", "赣州群众工作", outId.ToString("N")), (form["Action"], form["TemplateCode"], form["SignName"], form["OutId"]));
        Assert.Equal(1000, form["PhoneNumbers"].Split(',').Length);
        Assert.Equal("{\"content\":\"防火\"}", form["TemplateParam"]);
        Assert.Equal(AliyunSigner.Sign("POST", form, "secret"), form["Signature"]);
        Assert.All(results, r => Assert.Equal((SendOutcome.Accepted, "900^1"), (r.Outcome, r.ProviderMessageId)));
    }

    [Fact]
    public async Task Aliyun_sends_per_number_values_with_SendBatchSms_in_calls_of_100()
    {
        var recorder = new Recorder((_, _) => Json(new { Code = "OK", BizId = "1" }));
        var provider = new AliyunSmsProvider(Options("Aliyun"), new HttpClient(recorder), TimeProvider.System);

        await provider.SendAsync(Guid.NewGuid(), Enumerable.Range(0, 150).Select(i => Sms($"139{i:D8}", $"第{i}户")).ToList(), CancellationToken.None);

        Assert.Equal(2, recorder.Calls.Count);
        var form = Form(recorder.Calls[0].Body);
        Assert.Equal("SendBatchSms", form["Action"]);
        Assert.Equal(100, JsonSerializer.Deserialize<string[]>(form["PhoneNumberJson"])!.Length);
        Assert.Contains("第0户", form["TemplateParamJson"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, "isv.BUSINESS_LIMIT_CONTROL", SendOutcome.Transient)]
    [InlineData(HttpStatusCode.OK, "isv.MOBILE_NUMBER_ILLEGAL", SendOutcome.Permanent)]
    [InlineData(HttpStatusCode.BadGateway, null, SendOutcome.InDoubt)]
    [InlineData(HttpStatusCode.BadRequest, null, SendOutcome.Permanent)]
    public async Task Aliyun_answers_map_to_retry_dead_letter_or_in_doubt(HttpStatusCode status, string? code, SendOutcome expected)
    {
        var recorder = new Recorder((_, _) => code is null
            ? new HttpResponseMessage(status) { Content = new StringContent("<html>error</html>", Encoding.UTF8, "text/html") }
            : Json(new { Code = code, Message = "x" }, status));
        var provider = new AliyunSmsProvider(Options("Aliyun"), new HttpClient(recorder), TimeProvider.System);

        var result = Assert.Single(await provider.SendAsync(Guid.NewGuid(), [Sms("13900000001")], CancellationToken.None));

        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public async Task Aliyun_finds_an_earlier_send_by_number_day_and_OutId()
    {
        var outId = Guid.NewGuid();
        var recorder = new Recorder((_, _) => Json(new
        {
            Code = "OK",
            SmsSendDetailDTOs = new { SmsSendDetailDTO = new[] { new { PhoneNum = "13900000001", SendStatus = 3, OutId = outId.ToString("N"), BizId = "77^1" } } },
        }));
        var provider = new AliyunSmsProvider(Options("Aliyun"), new HttpClient(recorder), TimeProvider.System);

        var found = await provider.FindAsync("13900000001", new DateOnly(2026, 11, 23), outId, CancellationToken.None);
        var missing = await provider.FindAsync("13900000001", new DateOnly(2026, 11, 23), Guid.NewGuid(), CancellationToken.None);

        Assert.Equal(("77^1", true), (found!.ProviderMessageId, found.Delivered));
        Assert.Null(missing);
        Assert.Equal(("QuerySendDetails", "20261123"), (Form(recorder.Calls[0].Body)["Action"], Form(recorder.Calls[0].Body)["SendDate"]));
    }

    [Fact]
    public async Task Tencent_sends_up_to_200_numbers_a_call_with_positional_values_and_TC3_headers()
    {
        var recorder = new Recorder((_, body) =>
        {
            var phones = JsonDocument.Parse(body).RootElement.GetProperty("PhoneNumberSet").EnumerateArray().Select(p => p.GetString()!).ToList();
            return Json(new { Response = new { SendStatusSet = phones.Select((p, i) => new { SerialNo = $"s{i}", PhoneNumber = p, Code = i == 0 ? "LimitExceeded.PhoneNumberThirtySecondLimit" : "Ok", Message = "x" }), RequestId = "r" } });
        });
        var provider = new TencentSmsProvider(Options("Tencent"), new HttpClient(recorder), TimeProvider.System);
        var outId = Guid.NewGuid();

        var results = await provider.SendAsync(outId, Enumerable.Range(0, 250).Select(i => Sms($"139{i:D8}")).ToList(), CancellationToken.None);

        Assert.Equal(2, recorder.Calls.Count);
        var (request, body) = recorder.Calls[0];
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(200, json.GetProperty("PhoneNumberSet").GetArrayLength());
        Assert.Equal("+8613900000000", json.GetProperty("PhoneNumberSet")[0].GetString());
        Assert.Equal(("SMS_1", "1400000000", outId.ToString("N")), (json.GetProperty("TemplateId").GetString(), json.GetProperty("SmsSdkAppId").GetString(), json.GetProperty("SessionContext").GetString()));
        Assert.Equal("防火", json.GetProperty("TemplateParamSet")[0].GetString());
        Assert.Equal("SendSms", request.Headers.GetValues("X-TC-Action").Single());
        Assert.StartsWith("TC3-HMAC-SHA256 Credential=id/", request.Headers.GetValues("Authorization").Single());
        Assert.Equal(SendOutcome.Transient, results[0].Outcome);
        Assert.Equal((SendOutcome.Accepted, "s1"), (results[1].Outcome, results[1].ProviderMessageId));
        Assert.False(provider.CanLookUp);
    }
}
