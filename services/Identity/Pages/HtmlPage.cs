using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace MassWork.Identity.Pages;

/// <summary>
/// The few server-rendered pages of the identity service (sign-in, activation): plain HTML forms
/// that work without script, never framed by another site, never cached.
/// </summary>
public static class HtmlPage
{
    // Chinese text stays as it is; only what HTML gives meaning to is escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static IResult Render(string title, string body, int statusCode = StatusCodes.Status200OK) =>
        new PageResult($$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{Encode(title)}} - 赣州群众工作平台</title>
            <style>
            body{font-family:"PingFang SC","Microsoft YaHei",sans-serif;background:#f3f5f8;margin:0}
            main{max-width:380px;margin:8vh auto;background:#fff;padding:28px 32px;border-radius:8px;box-shadow:0 2px 10px #0002}
            h1{font-size:20px;margin:0 0 18px}label{display:block;margin:12px 0 4px}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:8px;font-size:16px}
            button{margin-top:18px;width:100%;padding:10px;font-size:16px;background:#c8161d;color:#fff;border:0;border-radius:4px}
            button.secondary{background:#fff;color:#c8161d;border:1px solid #c8161d}
            .error{color:#c8161d;background:#fdecec;padding:8px;border-radius:4px}.note{color:#555;font-size:14px}
            code{word-break:break-all}
            </style>
            </head>
            <body><main><h1>{{Encode(title)}}</h1>
            {{body}}
            </main></body>
            </html>
            """, statusCode);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");

    public static string Error(string? message) => message is null ? "" : $"<p class=\"error\" role=\"alert\">{Encode(message)}</p>";

    public static string Hidden(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = new StringBuilder();
        foreach (var (name, value) in fields)
        {
            html.Append($"<input type=\"hidden\" name=\"{Encode(name)}\" value=\"{Encode(value)}\">\n");
        }

        return html.ToString();
    }

    private sealed class PageResult(string html, int statusCode) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = statusCode;
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            response.Headers.XFrameOptions = "DENY";
            response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            response.Headers["Referrer-Policy"] = "no-referrer";
            return response.WriteAsync(html);
        }
    }
}
