using System.Net.Http.Json;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Test data: households in real villages of 章贡区 (360702).</summary>
public static class Households
{
    /// <summary>A village code under 解放街道 (360702001), numbered by the statistical rule.</summary>
    public const string Village = "360702001201";

    public static string NewNumber() => $"T-{Guid.NewGuid():N}"[..24];

    public static JsonContent Body(string number, string village = Village) => JsonContent.Create(new
    {
        householdNumber = number,
        villageCode = village,
        address = "章贡区解放街道和平路12号",
        headName = "刘桂英",
        status = "Resident",
    });
}
