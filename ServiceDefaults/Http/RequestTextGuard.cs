using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using MassWork.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace MassWork.ServiceDefaults.Http;

/// <summary>
/// Refuses, before any endpoint runs, request text that would otherwise fail deep inside (a NUL in
/// a query reaching PostgreSQL, a header byte the proxy cannot forward, a charset nobody decodes):
/// header values must be printable ASCII (400 naming the header); query, route and form values must
/// pass <see cref="TextRules"/> (400 naming the parameter), and a date parameter's value
/// <see cref="DateRules"/>; JSON and form bodies must be UTF-8 (415).
/// JSON bodies are checked field by field while they bind (<see cref="CleanStringConverter"/>).
/// </summary>
public static class RequestTextGuard
{
    // Reflection once per handler, not per request: the guard runs in front of every call.
    private static readonly ConcurrentDictionary<MethodInfo, (string Name, bool IsDay)[]> DateParameters = new();

    public static IApplicationBuilder UseRequestTextGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var problem = HeaderProblem(context.Request) ?? CharsetProblem(context.Request) ?? ValueProblem(context.Request) ?? DateProblem(context)
                          ?? await FormProblemAsync(context.Request);
            if (problem is null)
            {
                await next(context);
                return;
            }

            context.Response.StatusCode = problem.Status!.Value;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        });

    private static HttpValidationProblemDetails? HeaderProblem(HttpRequest request)
    {
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                if (value is not null && !value.All(c => c is '\t' or (>= ' ' and <= '~')))
                {
                    return Invalid($"header {name}", "Header values are printable ASCII; encode anything else (e.g. RFC 8187 or percent-encoding).");
                }
            }
        }

        return null;
    }

    private static ProblemDetails? CharsetProblem(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset.Length == 0)
        {
            return null;
        }

        var decodedHere = type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || type.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        var charset = type.Charset.ToString().Trim('"');
        return decodedHere && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            ? new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "Unsupported charset",
                Detail = $"{type.MediaType} bodies are read as UTF-8; charset={charset} is not supported.",
            }
            : null;
    }

    private static HttpValidationProblemDetails? ValueProblem(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (!TextRules.IsClean(name) || values.Any(v => v is not null && !TextRules.IsClean(v)))
            {
                return Invalid(TextRules.IsClean(name) ? name : "query", TextRules.Message);
            }
        }

        foreach (var (name, value) in request.RouteValues)
        {
            if (value is string text && !TextRules.IsClean(text))
            {
                return Invalid(name, TextRules.Message);
            }
        }

        return null;
    }

    /// <summary>
    /// A query or route value bound to a date or instant parameter of the endpoint lies within
    /// <see cref="DateRules"/> (bodies are checked while they bind, by DateOnlyRangeConverter), so no
    /// handler does arithmetic on 0001-01-01 or 9999-12-31, and an instant says its offset, as in a
    /// body. A value that is no date is left to binding.
    /// </summary>
    private static HttpValidationProblemDetails? DateProblem(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>() is not { } handler)
        {
            return null;
        }

        foreach (var (name, isDay) in DateParameters.GetOrAdd(handler, DateParametersOf))
        {
            var text = context.Request.Query.TryGetValue(name, out var query) ? query.ToString() : context.Request.RouteValues[name] as string;
            if (isDay)
            {
                if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, out var day) && !DateRules.IsInRange(day))
                {
                    return Invalid(name, DateRules.Message);
                }
            }
            else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out var instant))
            {
                if (!DateRules.HasOffset(text))
                {
                    return Invalid(name, DateRules.InstantMessage);
                }

                if (!DateRules.IsInRange(instant))
                {
                    return Invalid(name, DateRules.Message);
                }
            }
        }

        return null;
    }

    private static (string Name, bool IsDay)[] DateParametersOf(MethodInfo handler) =>
        [.. from parameter in handler.GetParameters()
            let type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType
            where type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            select (parameter.GetCustomAttribute<FromQueryAttribute>()?.Name ?? parameter.Name!, type == typeof(DateOnly))];

    private static async Task<HttpValidationProblemDetails?> FormProblemAsync(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Read once here (the endpoint gets the cached form) and rewound, so a proxy still forwards the body.
        request.EnableBuffering();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (InvalidDataException e)
        {
            return Invalid("form", e.Message);
        }
        finally
        {
            request.Body.Position = 0;
        }

        foreach (var (name, values) in form)
        {
            if (!TextRules.IsClean(name) || values.Any(v => v is not null && !TextRules.IsClean(v)))
            {
                return Invalid(TextRules.IsClean(name) ? name : "form", TextRules.Message);
            }
        }

        return null;
    }

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] }) { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid" };
}
