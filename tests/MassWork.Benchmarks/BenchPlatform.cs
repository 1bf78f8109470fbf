namespace MassWork.Benchmarks;

/// <summary>What every benchmark's platform is started with besides its own settings.</summary>
internal static class BenchPlatform
{
    /// <summary>
    /// The settings given, with the gateway's rate limits lifted: a benchmark sends its whole load
    /// with one token from one address, which the limits would rightly refuse (429). The limits
    /// themselves are tested in GatewayRateLimitTests.
    /// </summary>
    public static Dictionary<string, string> Settings(Dictionary<string, string> settings) => new(settings)
    {
        ["Gateway:RateLimits:PerUser"] = "1000000",
        ["Gateway:RateLimits:PerAddress"] = "1000000",
        ["Gateway:RateLimits:SignInPerAddress"] = "1000000",
    };
}
