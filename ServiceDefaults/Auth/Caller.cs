using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// The authenticated user behind a request. Endpoints take it as a parameter; every read and
/// write is scoped to <see cref="RegionPrefix"/>.
/// </summary>
public sealed record Caller(string UserId, IReadOnlySet<string> Roles, string RegionPrefix)
{
    public bool IsInRole(string role) => Roles.Contains(role);

    /// <summary>True when one of the caller's roles holds the permission (<see cref="Permissions.Matrix"/>).</summary>
    public bool Can(string permission) => Permissions.Allows(Roles, permission);

    /// <summary>True when the division code lies inside the caller's region.</summary>
    public bool Covers(string regionCode) => regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal);

    public static Caller? FromPrincipal(ClaimsPrincipal principal)
    {
        var userId = principal.FindFirstValue(MassWorkClaims.UserId);
        var region = principal.FindFirstValue(MassWorkClaims.Region);
        if (string.IsNullOrEmpty(userId) || !RegionPrefixes.IsValid(region))
        {
            return null;
        }

        var roles = principal.FindAll(MassWorkClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(userId, roles, region!);
    }

    /// <summary>Minimal API binding: the token was validated by then, so its claims are complete.</summary>
    public static ValueTask<Caller?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult(FromPrincipal(context.User));
}
