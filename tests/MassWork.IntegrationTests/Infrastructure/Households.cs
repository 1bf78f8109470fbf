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
