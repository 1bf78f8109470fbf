using System.ComponentModel.DataAnnotations;

namespace MassWork.Gateway.RateLimits;

/// <summary>
/// Requests the gateway lets through in each fixed window: per signed-in user (the token's
/// subject) and per client address; sign-in (/connect/…, /account/…) and the public case query per
/// address, more strictly, since that is where passwords, phones and codes would be guessed.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Per user (token subject), all their addresses together.</summary>
    [Range(1, 1_000_000)]
    public int PerUser { get; set; } = 600;

    /// <summary>Per client address; an office's staff behind one NAT address share it.</summary>
    [Range(1, 1_000_000)]
    public int PerAddress { get; set; } = 3000;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SignInWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Sign-in requests (pages, form posts, token exchanges and refreshes) per client address.</summary>
    [Range(1, 1_000_000)]
    public int SignInPerAddress { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PublicQueryWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Public case query requests (/api/petitions/public: codes, sessions, reads, ratings) per client
    /// address: a petitioner needs a handful; anyone guessing numbers, phones or codes is cut off early.
    /// </summary>
    [Range(1, 1_000_000)]
    public int PublicQueryPerAddress { get; set; } = 30;
}
