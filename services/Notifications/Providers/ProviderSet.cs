using Microsoft.Extensions.Options;

namespace MassWork.Notifications.Providers;

/// <summary>The configured providers in failover order; a message's attempt number picks its provider.</summary>
public sealed class ProviderSet
{
    private readonly IReadOnlyList<ISmsProvider> _providers;
    private readonly int _attemptsPerProvider;

    public ProviderSet(IOptions<SmsOptions> options, IHttpClientFactory httpClients, TimeProvider time)
    {
        var sms = options.Value;
        _attemptsPerProvider = Math.Max(1, sms.AttemptsPerProvider);
        _providers = sms.Providers.Select(p => p.Kind switch
        {
            "Aliyun" => (ISmsProvider)new AliyunSmsProvider(p, httpClients.CreateClient("sms"), time),
            "Tencent" => new TencentSmsProvider(p, httpClients.CreateClient("sms"), time),
            _ => throw new InvalidOperationException($"Sms:Providers: unknown kind {p.Kind} for {p.Name} (Aliyun or Tencent)."),
        }).ToList();
    }

    public bool Any => _providers.Count > 0;

    /// <summary>Attempts allowed in all before a message is dead-lettered.</summary>
    public int MaxAttempts => _providers.Count * _attemptsPerProvider;

    /// <summary>The provider for the n-th attempt (1-based): the primary first, the next after it failed its share.</summary>
    public ISmsProvider ForAttempt(int attempt) => _providers[Math.Min((attempt - 1) / _attemptsPerProvider, _providers.Count - 1)];

    /// <summary>
    /// After attempt <paramref name="attempt"/> found its provider unreachable: the attempt count that
    /// makes the next attempt the next provider's first, or null when it was the last provider.
    /// </summary>
    public int? SkipToNextProvider(int attempt)
    {
        var next = ((attempt - 1) / _attemptsPerProvider + 1) * _attemptsPerProvider;
        return next < MaxAttempts ? next : null;
    }

    public ISmsProvider? Named(string? name) => _providers.FirstOrDefault(p => p.Name == name);
}
