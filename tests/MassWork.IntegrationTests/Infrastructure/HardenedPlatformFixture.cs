namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>
/// A platform of its own with the limits tests want to reach: 30 requests a minute per user,
/// 10 sign-in requests a minute and 8 public case queries in 10 minutes per address, and bookkeeping rows (outbox, inbox, idempotency
/// keys) kept 2 seconds and cleared every second. Its first operator's login is a mobile number,
/// as staff often choose, which the identity service logs when it creates the account.
/// </summary>
public sealed class HardenedPlatformFixture() : PlatformFixture(Settings)
{
    public const int PerUser = 30;
    public const int SignInPerAddress = 10;
    public const int PublicQueryPerAddress = 8;

    public static readonly string FirstOperatorLogin = $"139{Random.Shared.Next(0, 100_000_000):D8}";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Gateway:RateLimits:Window"] = "00:01:00",
        ["Gateway:RateLimits:PerUser"] = $"{PerUser}",
        ["Gateway:RateLimits:PerAddress"] = "100000",
        ["Gateway:RateLimits:SignInWindow"] = "00:01:00",
        ["Gateway:RateLimits:SignInPerAddress"] = $"{SignInPerAddress}",
        ["Gateway:RateLimits:PublicQueryPerAddress"] = $"{PublicQueryPerAddress}",
        // The tests are clients from elsewhere, not proxies on the gateway's machine: a forwarded address they send is not believed.
        ["Gateway:TrustedProxies"] = "",
        ["Retention:Outbox"] = "00:00:02",
        ["Retention:Inbox"] = "00:00:02",
        ["Retention:IdempotencyKeys"] = "00:00:02",
        ["Retention:Interval"] = "00:00:01",
        ["Identity:FirstOperator:UserName"] = FirstOperatorLogin,
        ["Identity:FirstOperator:Region"] = "3607",
        ["Identity:FirstOperator:DisplayName"] = "平台管理员",
        ["Identity:FirstOperator:InvitationCode"] = "first-operator-invitation-code",
    };
}

[CollectionDefinition(Name)]
public sealed class HardenedPlatformCollection : ICollectionFixture<HardenedPlatformFixture>
{
    public const string Name = "hardened platform";
}
