namespace MassWork.Personnel.Regions;

/// <summary>
/// The 12-digit statistical division code (统计用区划代码): 2 province, 2 city, 2 county,
/// 3 town, 3 village digits. A village code has non-zero town and village parts.
/// </summary>
public static class DivisionCode
{
    public const int Length = 12;

    public static bool IsVillage(string? code) =>
        code is { Length: Length }
        && code.All(char.IsAsciiDigit)
        && code[6..9] != "000"
        && code[9..12] != "000";
}
