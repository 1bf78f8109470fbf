using FluentValidation;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Validation;
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

    private static Results<Ok<DevTokenResponse>, ValidationProblem> Issue(DevTokenRequest request, AuthOptions options, IValidator<DevTokenRequest> validator, TimeProvider time)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var roles = request.Roles!;
        var userId = string.IsNullOrWhiteSpace(request.UserId) ? $"dev-{roles[0]}-{request.Region}" : request.UserId;
        var token = new DevTokenIssuer(options, time).Issue(userId, roles, request.Region!, Lifetime);
        return TypedResults.Ok(new DevTokenResponse(token, time.GetUtcNow() + Lifetime));
    }
}
