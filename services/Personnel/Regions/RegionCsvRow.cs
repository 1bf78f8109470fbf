namespace MassWork.Personnel.Regions;

/// <summary>
/// One line of a region file (code,name,level,parent_code, as in the statistical code tables),
/// checked on its own: the code's shape, its level and its parent must agree.
/// </summary>
public sealed record RegionCsvRow(string Code, string Name, RegionLevel Level, string? ParentCode)
{
    public static (RegionCsvRow? Row, string? Error) Parse(IReadOnlyList<string> fields)
    {
        if (fields.Count < 3)
        {
            return (null, "Expected code,name,level[,parent_code].");
        }

        var code = fields[0].Trim();
        var name = fields[1].Trim();
        if (!DivisionCode.IsWellFormed(code))
        {
            return (null, $"code '{code}' is not a 12-digit division code.");
        }

        if (name.Length is 0 or > 100)
        {
            return (null, "name is required (at most 100 characters).");
        }

        var level = DivisionCode.LevelOf(code);
        if (!Enum.TryParse<RegionLevel>(fields[2].Trim(), ignoreCase: true, out var declared) || declared != level)
        {
            return (null, $"level '{fields[2].Trim()}' does not match the code, which is a {level.ToString().ToLowerInvariant()}.");
        }

        var parent = DivisionCode.ParentOf(code);
        var declaredParent = fields.Count > 3 ? fields[3].Trim() : "";
        if (declaredParent.Length > 0 && declaredParent != parent)
        {
            return (null, $"parent_code '{declaredParent}' is not the enclosing region {parent}.");
        }

        return (new RegionCsvRow(code, name, level, parent), null);
    }
}
