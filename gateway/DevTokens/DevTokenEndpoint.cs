using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MassWork.Gateway.DevTokens;

public sealed record DevTokenRequest(string? UserId, string[]? Roles, string? Region);

public sealed record DevTokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// Development only: mints a token for any role and region so the API can be tried without an
/// account. Elsewhere the path answers 404 and services accept no such token: staff sign in
/// through the identity service.
/// </summary>
public static class DevTokenEndpoint
{
    public const string Path = "/dev/token";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    public static WebApplication MapDevTokenEndpoint(this WebApplication app, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            app.MapPost(Path, Issue).AllowAnonymous().ExcludeFromDescription();
        }
        else
        {
            app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "No development tokens here", detail: $"Development tokens exist only in the Development environment; this one is {environment.EnvironmentName}. Sign in at /connect/authorize.")).AllowAnonymous().ExcludeFromDescription();
        }

        return app;
    }

    private static Results<Ok<DevTokenResponse>, ValidationProblem> Issue(DevTokenRequest request, AuthOptions options, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>();
        if (!RegionPrefixes.IsValid(request.Region))
        {
            errors["region"] = ["A division code prefix of 2, 4, 6, 9 or 12 digits, e.g. 360702 (章贡区)."];
        }

        var roles = request.Roles ?? [];
        if (roles.Length == 0 || roles.Any(r => !Roles.All.Contains(r)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", Roles.All)}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var userId = string.IsNullOrWhiteSpace(request.UserId) ? $"dev-{roles[0]}-{request.Region}" : request.UserId;
        var token = new DevTokenIssuer(options, time).Issue(userId, roles, request.Region!, Lifetime);
        return TypedResults.Ok(new DevTokenResponse(token, time.GetUtcNow() + Lifetime));
    }
}
