using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>Where the list of revoked, not yet expired access tokens comes from.</summary>
public interface IRevokedTokenSource
{
    Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Access tokens are checked offline against the identity service's keys, so a token revoked there
/// (logout, a replayed refresh token, a disabled account) would stay good until it expires. Each
/// process keeps the identity service's list of revoked access tokens that have not expired yet,
/// refreshed every few seconds, and refuses those tokens. If the list cannot be read, the last one
/// read stays in force.
/// </summary>
public sealed class RevokedTokens
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(3);

    private volatile HashSet<string> _ids = [];

    public bool Contains(string? tokenId) => tokenId is not null && _ids.Contains(tokenId);

    internal void Replace(IEnumerable<string> ids) => _ids = ids.ToHashSet(StringComparer.Ordinal);
}

/// <summary>The identity service's list, read from it by name (<c>Auth:Authority</c>).</summary>
internal sealed class IdentityRevokedTokens(IHttpClientFactory clients, AuthOptions options) : IRevokedTokenSource
{
    public const string Path = "internal/revoked-tokens";

    public async Task<IReadOnlyCollection<string>> ListAsync(CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(CallerIdentityExtensions.KeysClient);
        return await client.GetFromJsonAsync<string[]>(new Uri(options.Authority!, Path), cancellationToken) ?? [];
    }
}

internal sealed partial class RevokedTokensRefresher(
    RevokedTokens revoked, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<RevokedTokensRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Once the process has started: its own migrations (the identity service reads its database) are applied by then.
        await lifetime.WaitForStartAsync(stoppingToken);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                revoked.Replace(await scope.ServiceProvider.GetRequiredService<IRevokedTokenSource>().ListAsync(stoppingToken));
                failing = false;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Once per outage: the identity service restarting is not worth a warning every few seconds.
                if (!failing)
                {
                    LogUnreadable(logger, ex.Message);
                }

                failing = true;
            }

            try
            {
                await Task.Delay(RevokedTokens.RefreshInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The list of revoked tokens could not be read; the last one read stays in force: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string reason);
}
