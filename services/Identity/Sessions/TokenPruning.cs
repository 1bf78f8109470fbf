using MassWork.Identity.Data;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace MassWork.Identity.Sessions;

/// <summary>
/// Keeps identitydb small: every hour, tokens and sessions that ended (expired, revoked, redeemed)
/// more than a day ago, and sign-in challenges past their time, are deleted. A day's margin keeps
/// what a reuse check or an investigation may still need.
/// </summary>
public sealed partial class TokenPruning(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    public static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WaitForStartAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = time.GetUtcNow() - Margin;
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                var sessions = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                var challenges = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().SignInChallenges
                    .Where(c => c.ExpiresAt < threshold).ExecuteDeleteAsync(stoppingToken);
                LogPruned(logger, tokens, sessions, challenges);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} tokens, {Sessions} sessions and {Challenges} sign-in challenges")]
    private static partial void LogPruned(ILogger logger, long tokens, long sessions, int challenges);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning tokens failed; next try in an hour")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
