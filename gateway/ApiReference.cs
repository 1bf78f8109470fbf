using System.Globalization;
using Scalar.AspNetCore;

namespace MassWork.Gateway;

public static class ApiReference
{
    public const string Path = "/scalar";

    /// <summary>
    /// One Scalar page listing every service's OpenAPI document; the documents themselves are
    /// proxied from the services at /openapi/&lt;service&gt;.json.
    /// </summary>
    public static WebApplication MapApiReference(this WebApplication app, IReadOnlyList<string> services)
    {
        app.MapScalarApiReference(Path, options =>
        {
            options.Title = "MassWork API";
            options.OpenApiRoutePattern = "/openapi/{documentName}.json";
            for (var i = 0; i < services.Count; i++)
            {
                options.AddDocument(services[i], CultureInfo.InvariantCulture.TextInfo.ToTitleCase(services[i]), isDefault: i == 0);
            }
        }).AllowAnonymous();
        return app;
    }
}
