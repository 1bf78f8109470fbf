namespace MassWork.Identity.Sessions;

/// <summary>
/// Keeps identitydb small: every hour, tokens and sessions that ended (expired, revoked, redeemed)
/// more than a day ago, and sign-in challenges past their time, are deleted. A day's margin keeps
/// what a reuse check or an investigation may still need.
/// </summary>
public sealed partial class TokenPruning(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<TokenPruning> logger)
    : PeriodicWork(time, logger)
{
    public static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override string WorkName => "Pruning tokens";

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        // OpenIddict's stores are usable once the host has started.
        await lifetime.WaitForStartAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var threshold = Time.GetUtcNow() - Margin;
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, cancellationToken);
        var sessions = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, cancellationToken);
        var challenges = await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().SignInChallenges
            .Where(c => c.ExpiresAt < threshold).ExecuteDeleteAsync(cancellationToken);
        LogPruned(Logger, tokens, sessions, challenges);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} tokens, {Sessions} sessions and {Challenges} sign-in challenges")]
    private static partial void LogPruned(ILogger logger, long tokens, long sessions, int challenges);
}
