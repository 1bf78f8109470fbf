using System.Net.Http.Json;

namespace MassWork.IntegrationTests.Infrastructure;

/// <summary>Test data: households in real villages of 章贡区 (360702).</summary>
public static class Households
{
    /// <summary>A village code under 解放街道 (360702001), numbered by the statistical rule.</summary>
    public const string Village = "360702001201";

    /// <summary>A second village of the same town.</summary>
    public const string OtherVillage = "360702001202";

    /// <summary>A village in 南康区 (360703), outside the default test region.</summary>
    public const string OtherRegionVillage = "360703001201";

    /// <summary>A village no one has registered: valid in shape, absent from the register.</summary>
    public const string UnknownVillage = "360702001399";

    public const string VillageCsv = """
        code,name,level,parent_code
        360702001201,和平社区,village,360702001000
        360702001202,建国社区,village,360702001000
        360702001203,红旗社区,village,360702001000
        360702001204,章江社区,village,360702001000
        360702001205,文清社区,village,360702001000
        360703001201,蓉江社区,village,360703001000
        """;

    public static string NewNumber() => $"T-{Guid.NewGuid():N}"[..24];

    /// <summary>A mobile number no other test uses (139 and 8 random digits).</summary>
    public static string NewPhone() => $"139{Random.Shared.Next(0, 100_000_000):D8}";

    /// <summary>A valid 居民身份证号码 of 章贡区 (GB 11643 check character) with a random birth date (1950–1999) and sequence.</summary>
    public static string NewIdNumber()
    {
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var born = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(0, 50 * 365));
        var first17 = $"360702{born.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}{Random.Shared.Next(0, 1000):D3}";
        var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
        return first17 + "10X98765432"[sum % 11];
    }

    public static JsonContent Body(string number, string village = Village) => JsonContent.Create(new
    {
        householdNumber = number,
        villageCode = village,
        address = "章贡区解放街道和平路12号",
        headName = "刘桂英",
        status = "Resident",
        members = new[] { new { name = "刘桂英", relation = "户主", phone = "13800138000" } },
    });
}
