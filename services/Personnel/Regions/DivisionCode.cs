namespace MassWork.Personnel.Regions;

/// <summary>
/// The 12-digit statistical division code (统计用区划代码): 2 province, 2 city, 2 county,
/// 3 town, 3 village digits. Trailing zero parts mark a higher level: "360702000000" is a county
/// and its region prefix is "360702".
/// </summary>
public static class DivisionCode
{
    public const int Length = 12;

    /// <summary>12 digits, and once a part is zero every lower part is zero too (no village under town 000).</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length }
        && code.All(char.IsAsciiDigit)
        && (code[2..4] != "00" || code[4..] == "00000000")
        && (code[4..6] != "00" || code[6..] == "000000")
        && (code[6..9] != "000" || code[9..] == "000");

    public static bool IsVillage(string? code) => IsWellFormed(code) && LevelOf(code!) == RegionLevel.Village;

    public static bool IsTown(string? code) => IsWellFormed(code) && LevelOf(code!) == RegionLevel.Town;

    /// <summary>The level the code's non-zero parts reach; a province code has only its first two digits set.</summary>
    public static RegionLevel LevelOf(string code) =>
        code[9..12] != "000" ? RegionLevel.Village
        : code[6..9] != "000" ? RegionLevel.Town
        : code[4..6] != "00" ? RegionLevel.County
        : code[2..4] != "00" ? RegionLevel.City
        : RegionLevel.Province;

    /// <summary>The significant digits: the prefix that selects this region and everything under it.</summary>
    public static string Prefix(string code) => code[..PrefixLength(LevelOf(code))];

    /// <summary>The enclosing region's code, or null for a province.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        RegionLevel.Village => code[..9] + "000",
        RegionLevel.Town => code[..6] + "000000",
        RegionLevel.County => code[..4] + "00000000",
        RegionLevel.City => code[..2] + "0000000000",
        _ => null,
    };

    /// <summary>The full code of a region prefix ("360702" → "360702000000").</summary>
    public static string FromPrefix(string prefix) => prefix.PadRight(Length, '0');

    /// <summary>Villages 001–199 are urban 居委会 (communities), 200–399 rural 村委会.</summary>
    public static bool IsUrbanVillage(string code) => int.Parse(code.AsSpan(9, 3)) < 200;

    public static int PrefixLength(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.City => 4,
        RegionLevel.County => 6,
        RegionLevel.Town => 9,
        _ => 12,
    };
}
