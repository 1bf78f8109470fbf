using MassWork.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>How far from the caller's region a code named in the request may lie.</summary>
public enum RegionReach
{
    /// <summary>The code lies inside the caller's region (writes, and reads of data).</summary>
    Inside,

    /// <summary>Inside, or a region enclosing the caller's (a town reads its city's policy).</summary>
    InsideOrAbove,
}

/// <summary>Endpoint metadata: the endpoint checks region scope (read by the OpenAPI documents and tests).</summary>
public sealed record RegionScopeMetadata(string Scope, RegionReach Reach);

/// <summary>
/// Region scope, checked once per endpoint by a filter rather than re-typed in each handler: every
/// division code the request names in its route (<see cref="RouteValues"/>) or query
/// (<see cref="QueryValues"/>) must be a division code (400 otherwise) lying in the caller's region
/// (403 otherwise). Lists still filter their rows by <see cref="Caller.RegionPrefix"/>;
/// codes inside bodies and rows found by id are checked where they are read, with <see cref="Caller.Covers"/>.
/// </summary>
public static class RegionScope
{
    public static readonly IReadOnlyList<string> RouteValues = ["code", "regionCode", "cityCode", "countyCode", "townCode", "villageCode"];
    public static readonly IReadOnlyList<string> QueryValues = ["region", "village", "villageCode", "town", "townCode", "county", "regionCode"];

    public const string RegionLevel = "region";
    public const string CityLevel = "city";

    /// <summary>Refuses (403) a request naming a division code outside the caller's region.</summary>
    public static TBuilder RequireRegionScope<TBuilder>(this TBuilder builder, RegionReach reach = RegionReach.Inside)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RegionScopeMetadata(RegionLevel, reach));
        return builder.AddEndpointFilter(async (context, next) =>
            OutsideProblem(context.HttpContext, reach) is { } problem ? problem : await next(context));
    }

    /// <summary>
    /// City-wide settings: the token's region must be a city or larger (a prefix of 4 digits or
    /// fewer) and cover the city the request names in <c>{cityCode}</c>, or, for settings that name
    /// no city, the deployment's <see cref="AuthOptions.PlatformRegion"/>.
    /// </summary>
    public static TBuilder RequireCityScope<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RegionScopeMetadata(CityLevel, RegionReach.Inside));
        return builder.AddEndpointFilter(async (context, next) =>
            CityProblem(context.HttpContext) is { } problem ? problem : await next(context));
    }

    /// <summary>True when the value is a division code (prefix): 2 to 12 ASCII digits.</summary>
    public static bool IsDivisionCode(string? value) => value is { Length: >= 2 and <= 12 } && value.All(char.IsAsciiDigit);

    public static bool Reaches(Caller caller, string code, RegionReach reach) =>
        caller.Covers(code) || (reach == RegionReach.InsideOrAbove && caller.RegionPrefix.StartsWith(code, StringComparison.Ordinal));

    internal static IResult? OutsideProblem(HttpContext http, RegionReach reach)
    {
        if (Caller.FromPrincipal(http.User) is not { } caller)
        {
            return Problems.Forbidden("The token names no region.");
        }

        foreach (var name in RouteValues)
        {
            if (http.Request.RouteValues.TryGetValue(name, out var value) && Check(caller, name, value as string, reach) is { } problem)
            {
                return problem;
            }
        }

        foreach (var name in QueryValues)
        {
            foreach (var value in http.Request.Query[name])
            {
                if (Check(caller, name, value, reach) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    /// <summary>A named code must be digits (handlers trim, so the filter does too) and lie in reach.</summary>
    private static IResult? Check(Caller caller, string name, string? value, RegionReach reach)
    {
        var code = value?.Trim();
        if (!RegionPrefixes.IsValid(code))
        {
            return Problems.Invalid(name, "A division code prefix of 2, 4, 6, 9 or 12 digits (行政区划代码).");
        }

        return Reaches(caller, code!, reach) ? null : Problems.OutsideRegion(name, code!, caller.RegionPrefix);
    }

    internal static IResult? CityProblem(HttpContext http)
    {
        if (Caller.FromPrincipal(http.User) is not { } caller)
        {
            return Problems.Forbidden("The token names no region.");
        }

        string? city;
        if (http.Request.RouteValues.TryGetValue("cityCode", out var value))
        {
            if (value is not string named || !IsDivisionCode(named))
            {
                return Problems.Invalid("cityCode", "The 4-digit city code, e.g. 3607.");
            }

            city = named;
        }
        else
        {
            city = http.RequestServices.GetService<AuthOptions>()?.PlatformRegion;
        }

        if (city is null)
        {
            return Problems.Forbidden("Auth:PlatformRegion is not configured: nobody changes platform-wide settings.");
        }

        if (!caller.Covers(city))
        {
            return Problems.OutsideRegion(http.Request.RouteValues.ContainsKey("cityCode") ? "cityCode" : "city", city, caller.RegionPrefix);
        }

        if (caller.RegionPrefix.Length > 4)
        {
            return Problems.Forbidden($"City-wide settings are changed with a city-level token (a region of 4 digits or fewer); yours is {caller.RegionPrefix}.");
        }

        return null;
    }
}
