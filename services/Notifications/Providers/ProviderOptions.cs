using MassWork.Notifications.Rules;

namespace MassWork.Notifications.Providers;

/// <summary>
/// Sms:Providers:N, tried in order (the first is primary, the next takes over when it keeps
/// failing). Keys come from configuration or the environment, never from the repository.
/// </summary>
public sealed class ProviderOptions
{
    public string Name { get; set; } = "";

    /// <summary>"Aliyun" or "Tencent".</summary>
    public string Kind { get; set; } = "Aliyun";

    public string Endpoint { get; set; } = "";

    public string AccessKeyId { get; set; } = "";

    public string AccessKeySecret { get; set; } = "";

    /// <summary>Tencent SmsSdkAppId.</summary>
    public string? AppId { get; set; }

    public string Region { get; set; } = "";

    /// <summary>Our template code → this provider's approved template id; missing codes are sent as our code.</summary>
    public Dictionary<string, string> TemplateIds { get; set; } = [];

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public sealed class SmsOptions
{
    public const string Section = "Sms";

    public List<ProviderOptions> Providers { get; set; } = [];

    /// <summary>Tries on one provider before the next takes over.</summary>
    public int AttemptsPerProvider { get; set; } = 3;

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public int BatchSize { get; set; } = 5000;

    /// <summary>Dispatch loops per process.</summary>
    public int DispatchLoops { get; set; } = 2;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A provider receipt or reply must carry this token (?token=…): providers cannot hold our logins.</summary>
    public string CallbackToken { get; set; } = "";

    /// <summary>
    /// The platform's public address (the gateway as households reach it), for the short link to the
    /// case query page in every notice to a petitioner.
    /// </summary>
    public string PublicQueryUrl { get; set; } = "http://localhost:5080";

    public string QuietStart { get; set; } = "21:00";

    public string QuietEnd { get; set; } = "08:00";

    public QuietHours Quiet => new(TimeOnly.Parse(QuietStart), TimeOnly.Parse(QuietEnd));

    public int SameContentSeconds { get; set; } = 30;

    public int DailyLimit { get; set; } = 50;
}
