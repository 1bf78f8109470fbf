using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

public static class OpenApiExtensions
{
    public const string DocumentRoute = "/openapi/{documentName}.json";

    /// <summary>One OpenAPI document "v1" per service, declaring the bearer token every endpoint needs.</summary>
    public static IHostApplicationBuilder AddDefaultOpenApi(this IHostApplicationBuilder builder, string title)
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = title, Version = "v1" };
            // No server list: the reference page then calls the origin it was loaded from, the gateway.
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "MassWork token: claims sub, role, region (division code prefix).",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.MapOpenApi(DocumentRoute).AllowAnonymous();
        return app;
    }
}
