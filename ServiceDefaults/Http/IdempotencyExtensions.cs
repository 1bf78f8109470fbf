using MassWork.ServiceDefaults.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MassWork.ServiceDefaults.Http;

public static class IdempotencyExtensions
{
    /// <summary>Makes a create endpoint honour the Idempotency-Key header.</summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder builder)
        where TContext : ServiceDbContext =>
        builder
            .AddEndpointFilter<IdempotencyFilter<TContext>>()
            .WithMetadata(new IdempotentEndpointMetadata());

    /// <summary>Buffers request bodies of idempotent endpoints so the filter can hash what binding read.</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentEndpointMetadata>() is not null
                && context.Request.Headers.ContainsKey(IdempotencyFilter<ServiceDbContext>.HeaderName))
            {
                context.Request.EnableBuffering();
            }

            return next(context);
        });
}

public sealed class IdempotentEndpointMetadata;
