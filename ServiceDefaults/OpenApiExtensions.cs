using System.Text.Json.Nodes;
using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
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
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Who may call it, from the role matrix, and whether a filter checks its region: tests read these.
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Extensions["x-masswork-anonymous"] = new JsonNodeExtension(JsonValue.Create(true));
            }

            var permissions = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null && Permissions.Matrix.ContainsKey(p)).Distinct().ToList();
            if (permissions.Count == 0 && !metadata.OfType<IAllowAnonymous>().Any())
            {
                permissions.Add(Permissions.Work); // the fallback policy
            }

            if (permissions.Count > 0)
            {
                operation.Extensions["x-masswork-permissions"] = new JsonNodeExtension(new JsonArray([.. permissions.Select(p => JsonValue.Create(p))]));
            }

            if (metadata.OfType<RegionScopeMetadata>().Select(m => m.Scope).Distinct().ToList() is { Count: > 0 } scopes)
            {
                operation.Extensions["x-masswork-scope"] = new JsonNodeExtension(new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]));
            }

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
