using MassWork.ServiceDefaults.Audit;
using MassWork.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceDefaults.Data;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on <c>ConnectionStrings:&lt;connectionName&gt;</c> with the
    /// audit and outbox interceptors, a readiness check on it, and applies pending migrations before
    /// the service takes requests.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{connectionName} is not configured (environment: ConnectionStrings__{connectionName}).");

        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxInterceptor>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.Configure<AuditOptions>(builder.Configuration.GetSection(AuditOptions.Section));
        builder.Services.AddSingleton<AuditInterceptor>();
        // The audit interceptor queues its event before the outbox interceptor stamps the new outbox rows.
        builder.Services.AddDbContext<TContext>((sp, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(sp.GetRequiredService<AuditInterceptor>(), sp.GetRequiredService<OutboxInterceptor>()));

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>("database");
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        return builder;
    }
}
