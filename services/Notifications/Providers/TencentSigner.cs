using System.Security.Cryptography;
using System.Text;

namespace MassWork.Notifications.Providers;

/// <summary>
/// Tencent Cloud API 3.0 signing (TC3-HMAC-SHA256): a canonical request of method, path, query,
/// the content-type and host headers and the body's SHA-256; the string to sign with the date's
/// credential scope; the key derived from "TC3" + secret through the date, the service and
/// "tc3_request".
/// </summary>
public static class TencentSigner
{
    public static string Authorization(string secretId, string secretKey, string service, string host, string contentType, string body, DateTimeOffset timestamp)
    {
        var date = timestamp.UtcDateTime.ToString("yyyy-MM-dd");
        var canonicalRequest = $"POST\n/\n\ncontent-type:{contentType}\nhost:{host}\n\ncontent-type;host\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body)))}";
        var scope = $"{date}/{service}/tc3_request";
        var toSign = $"TC3-HMAC-SHA256\n{timestamp.ToUnixTimeSeconds()}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var key = Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("TC3" + secretKey), date), service), "tc3_request");
        var signature = Hex(Hmac(key, toSign));
        return $"TC3-HMAC-SHA256 Credential={secretId}/{scope}, SignedHeaders=content-type;host, Signature={signature}";
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
