using MassWork.Personnel.Households;
using MassWork.Personnel.Regions;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.Personnel.Imports;

/// <summary>
/// One line of a household import: one person, with the household's fields repeated on each of
/// its members' lines (as towns keep their spreadsheets). Household fields are taken from the
/// 户主 line.
/// </summary>
public sealed record HouseholdCsvRow(
    int Line,
    string HouseholdNumber,
    string VillageCode,
    string? GroupName,
    string? CompoundName,
    string Address,
    HouseholdStatus Status,
    string[] Tags,
    string Name,
    string Relation,
    string? IdNumber,
    string? Phone);

public sealed record ImportRowError(int Line, string Field, string Message);

/// <summary>Maps a header line to column positions; English names or the Chinese headings of a town's spreadsheet.</summary>
public sealed class HouseholdCsvColumns
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["household_number"] = "household_number", ["户号"] = "household_number",
        ["village_code"] = "village_code", ["村代码"] = "village_code", ["区划代码"] = "village_code", ["村(社区)代码"] = "village_code",
        ["group"] = "group", ["村民小组"] = "group", ["组"] = "group",
        ["compound"] = "compound", ["小区"] = "compound",
        ["address"] = "address", ["地址"] = "address", ["住址"] = "address",
        ["status"] = "status", ["状态"] = "status", ["户状态"] = "status",
        ["tags"] = "tags", ["标签"] = "tags", ["户类别"] = "tags",
        ["name"] = "name", ["姓名"] = "name",
        ["relation"] = "relation", ["与户主关系"] = "relation", ["关系"] = "relation",
        ["id_number"] = "id_number", ["身份证号"] = "id_number", ["身份证号码"] = "id_number",
        ["phone"] = "phone", ["电话"] = "phone", ["手机"] = "phone", ["联系电话"] = "phone", ["手机号码"] = "phone",
    };

    public static readonly string[] Required = ["household_number", "village_code", "address", "name", "relation"];

    private readonly Dictionary<string, int> _positions;

    /// <summary>The file's columns with their positions, in the order a line's unclean text is looked for (the first one found is named).</summary>
    private readonly KeyValuePair<string, int>[] _checked;

    private HouseholdCsvColumns(Dictionary<string, int> positions)
    {
        _positions = positions;
        _checked = positions.OrderBy(p => p.Key, StringComparer.Ordinal).ToArray();
    }

    public static (HouseholdCsvColumns? Columns, string? Error) FromHeader(IReadOnlyList<string> header)
    {
        var positions = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().TrimStart('\uFEFF');
            if (Aliases.TryGetValue(name, out var column))
            {
                positions.TryAdd(column, i);
            }
        }

        var missing = Required.Where(c => !positions.ContainsKey(c)).ToList();
        return missing.Count > 0
            ? (null, $"The header lacks {string.Join(", ", missing)}. Expected: household_number,village_code,group,compound,address,status,tags,name,relation,id_number,phone (or 户号,村代码,村民小组,小区,地址,状态,标签,姓名,与户主关系,身份证号,电话).")
            : (new HouseholdCsvColumns(positions), null);
    }

    /// <summary>Checks one line on its own; cross-line rules (one 户主, a known village) run after staging.</summary>
    public (HouseholdCsvRow? Row, ImportRowError? Error) Parse(CsvRecord record, DateOnly today, string regionPrefix)
    {
        string? Get(string column) => Field(record, column);
        ImportRowError Fail(string field, string message) => new(record.Line, field, message);
        foreach (var (column, position) in _checked)
        {
            if (At(record, position) is { } value && !TextRules.IsClean(value))
            {
                return (null, Fail(column, TextRules.Message));
            }
        }

        var number = Get("household_number");
        if (HouseholdValidator.NumberError(number) is { } numberError)
        {
            return (null, Fail("household_number", numberError));
        }

        var village = Get("village_code");
        if (!DivisionCode.IsVillage(village))
        {
            return (null, Fail("village_code", $"'{village}' is not the 12-digit division code of a village."));
        }

        if (!village!.StartsWith(regionPrefix, StringComparison.Ordinal))
        {
            return (null, Fail("village_code", $"{village} is outside your region {regionPrefix}."));
        }

        var address = Get("address") ?? "";
        if (address.Length > HouseholdValidator.MaxAddressLength)
        {
            return (null, Fail("address", $"At most {HouseholdValidator.MaxAddressLength} characters."));
        }

        var status = HouseholdStatus.Resident;
        if (Get("status") is { } statusText && !HouseholdStatusNames.TryParse(statusText, out status))
        {
            return (null, Fail("status", $"'{statusText}' is not 常住, 外出务工 or 流动人口."));
        }

        var tags = Get("tags") is { } tagText ? HouseholdTags.Split(tagText).Distinct().ToArray() : [];
        if (tags.FirstOrDefault(t => !HouseholdTags.Known.Contains(t)) is { } unknown)
        {
            return (null, Fail("tags", $"Unknown tag '{unknown}'."));
        }

        var name = Get("name");
        if (name is null || name.Length > HouseholdValidator.MaxNameLength)
        {
            return (null, Fail("name", $"Required, at most {HouseholdValidator.MaxNameLength} characters."));
        }

        var relation = Get("relation");
        if (relation is null || relation.Length > HouseholdValidator.MaxRelationLength)
        {
            return (null, Fail("relation", "Required (户主 for the head of household)."));
        }

        if (HouseholdValidator.IdNumberError(Get("id_number"), today, out var idNumber) is { } idError)
        {
            return (null, Fail("id_number", idError));
        }

        if (HouseholdValidator.PhoneError(Get("phone"), out var phone) is { } phoneError)
        {
            return (null, Fail("phone", phoneError));
        }

        var group = Get("group");
        var compound = Get("compound");
        if (group?.Length > 50 || compound?.Length > 50)
        {
            return (null, Fail(group?.Length > 50 ? "group" : "compound", "At most 50 characters."));
        }

        return (new HouseholdCsvRow(record.Line, number!, village, group, compound, address, status, tags, name, relation, idNumber, phone), null);
    }

    /// <summary>Where the household number is, for a pass that reads nothing else.</summary>
    public int HouseholdNumberColumn => _positions["household_number"];

    private string? Field(CsvRecord record, string column) => _positions.TryGetValue(column, out var i) ? At(record, i) : null;

    private static string? At(CsvRecord record, int position) =>
        position < record.Fields.Count && record.Fields[position].Trim() is { Length: > 0 } v ? v : null;
}
