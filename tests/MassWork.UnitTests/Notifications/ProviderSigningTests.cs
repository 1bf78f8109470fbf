using MassWork.Notifications.Providers;

namespace MassWork.UnitTests.Notifications;

public sealed class ProviderSigningTests
{
    [Fact]
    public void Aliyun_RPC_signing_gives_the_documented_signature_for_the_documented_request()
    {
        // The example of Aliyun's RPC signature documentation (secret "testsecret").
        var parameters = new Dictionary<string, string>
        {
            ["AccessKeyId"] = "testid",
            ["Action"] = "DescribeRegions",
            ["Format"] = "XML",
            ["SignatureMethod"] = "HMAC-SHA1",
            ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
            ["SignatureVersion"] = "1.0",
            ["Timestamp"] = "2016-02-23T12:46:24Z",
            ["Version"] = "2014-05-26",
        };

        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AliyunSigner.Sign("GET", parameters, "testsecret"));
    }

    [Fact]
    public void Aliyun_percent_encoding_follows_RFC_3986_for_Chinese_spaces_and_reserved_characters()
    {
        Assert.Equal("%E8%B5%A3%E5%B7%9E", AliyunSigner.Encode("赣州"));
        Assert.Equal("a%20b%2A~-_.", AliyunSigner.Encode("a b*~-_."));
        Assert.Equal("%7B%22code%22%3A%221%22%7D", AliyunSigner.Encode("{\"code\":\"1\"}"));
    }

    [Fact]
    public void Aliyun_signing_ignores_an_existing_signature_and_the_parameter_order()
    {
        var a = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" };
        var b = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2", ["Signature"] = "old" };

        Assert.Equal(AliyunSigner.Sign("POST", a, "k"), AliyunSigner.Sign("POST", b, "k"));
        Assert.NotEqual(AliyunSigner.Sign("POST", a, "k"), AliyunSigner.Sign("GET", a, "k"));
    }

    [Fact]
    public void Tencent_TC3_authorization_names_the_credential_scope_and_signed_headers_and_depends_on_the_body()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        var one = TencentSigner.Authorization("AKIDEXAMPLE", "secret", "sms", "sms.tencentcloudapi.com", "application/json; charset=utf-8", "{\"a\":1}", at);
        var other = TencentSigner.Authorization("AKIDEXAMPLE", "secret", "sms", "sms.tencentcloudapi.com", "application/json; charset=utf-8", "{\"a\":2}", at);

        Assert.StartsWith("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2023-11-14/sms/tc3_request, SignedHeaders=content-type;host, Signature=", one);
        Assert.Matches("Signature=[0-9a-f]{64}$", one);
        Assert.NotEqual(one, other);
    }
}
