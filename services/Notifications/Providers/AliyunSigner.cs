using System.Security.Cryptography;
using System.Text;

namespace MassWork.Notifications.Providers;

/// <summary>
/// Aliyun RPC request signing (SignatureVersion 1.0, HMAC-SHA1): the parameters sorted by name,
/// each name and value percent-encoded per RFC 3986, joined, then "POST&amp;%2F&amp;" + encode(that)
/// signed with the secret followed by "&amp;".
/// </summary>
public static class AliyunSigner
{
    public static string Sign(string method, IReadOnlyDictionary<string, string> parameters, string accessKeySecret)
    {
        var canonical = string.Join("&", parameters.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Encode(p.Key)}={Encode(p.Value)}"));
        var toSign = $"{method}&{Encode("/")}&{Encode(canonical)}";
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret + "&"), Encoding.UTF8.GetBytes(toSign));
        return Convert.ToBase64String(mac);
    }

    /// <summary>RFC 3986: unreserved characters stay, everything else is %XX of its UTF-8 bytes.</summary>
    public static string Encode(string value)
    {
        var sb = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2"));
            }
        }

        return sb.ToString();
    }
}
