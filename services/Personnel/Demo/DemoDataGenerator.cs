using System.Text;
using MassWork.Personnel.Households;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Demo;

/// <summary>
/// Realistic, reproducible data for demos and benchmarks: villages under real towns (by the
/// statistical numbering rule), households with members whose names, ID numbers (valid GB 11643
/// check digits, the county's own address code), phones and tags look like a Jiangxi town's
/// register. The same seed gives the same data.
/// </summary>
public sealed class DemoDataGenerator(int seed)
{
    private static readonly string[] Surnames =
    [
        "刘", "陈", "李", "王", "张", "黄", "曾", "钟", "谢", "赖", "邱", "罗", "杨", "肖", "朱", "郭", "何", "胡", "吴", "林",
        "廖", "温", "邓", "徐", "周", "叶", "赵", "孙", "丁", "蓝", "严", "袁", "彭", "宋", "邹", "蔡", "许", "汪", "兰", "卢",
    ];

    private static readonly string[] GivenChars =
    [
        "桂", "英", "秀", "兰", "华", "明", "建", "国", "伟", "平", "金", "生", "春", "荣", "水", "福", "军", "红", "梅", "芳",
        "海", "文", "林", "德", "志", "永", "清", "玉", "凤", "珍", "辉", "强", "勇", "敏", "丽", "燕", "斌", "涛", "鹏", "婷",
        "子", "轩", "浩", "宇", "欣", "怡", "佳", "俊", "晨", "睿",
    ];

    private static readonly string[] VillageStems =
    [
        "长岭", "石门", "下坪", "上洛", "龙口", "塘背", "高坑", "水西", "黄泥", "竹山", "新屋", "大坑", "罗坑", "梅林", "沙溪",
        "田心", "坪岗", "樟树", "松山", "杨梅", "芦溪", "白石", "马岭", "荷田", "桥头", "东坑", "西江", "南山", "北岭", "中坝",
    ];

    private static readonly string[] Streets = ["和平路", "文清路", "红旗大道", "章江路", "建设路", "解放路", "长征大道", "健康路", "阳明路", "南门路"];

    private static readonly string[] GroupNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

    /// <summary>Tag and the share of households carrying it (plausible proportions for a rural town).</summary>
    private static readonly (string Tag, double Share)[] TagShares =
    [
        ("困难户", 0.08), ("低保户", 0.05), ("五保户", 0.01), ("上访户", 0.01), ("征迁户", 0.03), ("老党员", 0.04),
        ("残疾", 0.03), ("下岗失业", 0.02), ("进城务工", 0.10), ("致富带头人", 0.01), ("计划生育重点户", 0.02),
    ];

    private readonly Random _random = new(seed);

    public const string CsvHeader = "household_number,village_code,group,compound,address,status,tags,name,relation,id_number,phone";

    /// <summary>Villages numbered under a town: 001– for urban communities, 200– for rural villages.</summary>
    public List<RegionCsvRow> Villages(string townCode, string townName, int urban, int rural)
    {
        var villages = new List<RegionCsvRow>();
        for (var i = 1; i <= urban; i++)
        {
            var code = townCode[..9] + i.ToString("000");
            villages.Add(new RegionCsvRow(code, $"{VillageStems[(i * 7 + seed) % VillageStems.Length]}社区", RegionLevel.Village, townCode));
        }

        for (var i = 0; i < rural; i++)
        {
            var code = townCode[..9] + (200 + i).ToString("000");
            villages.Add(new RegionCsvRow(code, $"{VillageStems[(i * 11 + seed + 3) % VillageStems.Length]}村", RegionLevel.Village, townCode));
        }

        return villages;
    }

    public string PersonName(bool twoCharGiven = true) =>
        Surnames[_random.Next(Surnames.Length)] + GivenChars[_random.Next(GivenChars.Length)] + (twoCharGiven ? GivenChars[_random.Next(GivenChars.Length)] : "");

    public string Mobile() => $"1{"3456789"[_random.Next(7)]}{_random.Next(0, 1_000_000_000):000000000}";

    /// <summary>A valid 18-digit ID number registered in <paramref name="county"/> (its 6-digit address code).</summary>
    public string IdNumber(string county, DateOnly birth)
    {
        var first17 = $"{county}{birth:yyyyMMdd}{_random.Next(0, 1000):000}";
        return first17 + IdCardNumber.CheckDigit(first17);
    }

    /// <summary>
    /// Writes one household per <paramref name="householdsPerVillage"/> per village in the import
    /// format, one line per member, and returns the number of households. Household numbers are
    /// the village code plus a sequence, so they are unique across a city.
    /// </summary>
    public int WriteHouseholds(TextWriter writer, IReadOnlyList<RegionCsvRow> villages, int householdsPerVillage, DateOnly today)
    {
        writer.WriteLine(CsvHeader);
        var line = new StringBuilder(256);
        var households = 0;
        foreach (var village in villages)
        {
            var urban = DivisionCode.IsUrbanVillage(village.Code);
            var county = village.Code[..6];
            for (var n = 1; n <= householdsPerVillage; n++)
            {
                households++;
                var number = $"{village.Code}{n:00000}";
                var group = urban ? "" : $"第{GroupNumbers[n % Math.Min(GroupNumbers.Length, 6 + (householdsPerVillage / 80))]}村民小组";
                var compound = urban ? $"{VillageStems[n % 5 * 3 % VillageStems.Length]}小区" : "";
                var address = urban
                    ? $"{village.Name}{Streets[n % Streets.Length]}{n % 200 + 1}号{compound}{n % 12 + 1}栋"
                    : $"{village.Name}{group}{n}号";
                var roll = _random.NextDouble();
                var status = roll < 0.75 ? "常住" : roll < 0.95 ? "外出务工" : "流动人口";
                var tags = string.Join(";", TagShares.Where(t => _random.NextDouble() < t.Share).Select(t => t.Tag));

                var surname = Surnames[_random.Next(Surnames.Length)];
                var headBirth = today.AddYears(-_random.Next(28, 80)).AddDays(-_random.Next(365));
                var members = new List<(string Name, string Relation, DateOnly Birth, bool Phone)>
                {
                    (surname + GivenChars[_random.Next(GivenChars.Length)] + GivenChars[_random.Next(GivenChars.Length)], HouseholdMember.HeadRelation, headBirth, true),
                };
                var size = _random.Next(0, 10) switch { 0 => 1, < 4 => 2, < 7 => 3, < 9 => 4, _ => 5 };
                if (size >= 2)
                {
                    members.Add((PersonName(), "配偶", headBirth.AddDays(_random.Next(-1500, 1500)), _random.NextDouble() < 0.7));
                }

                for (var c = 2; c < size; c++)
                {
                    var son = _random.Next(2) == 0;
                    var birth = headBirth.AddYears(_random.Next(22, 32));
                    members.Add((surname + GivenChars[_random.Next(GivenChars.Length)] + GivenChars[_random.Next(GivenChars.Length)],
                        son ? "子" : "女", birth > today ? today.AddYears(-1) : birth, _random.NextDouble() < 0.5));
                }

                var used = new HashSet<string>();
                foreach (var (name, relation, birth, hasPhone) in members)
                {
                    if (!used.Add(name))
                    {
                        continue;
                    }

                    line.Clear()
                        .Append(number).Append(',').Append(village.Code).Append(',').Append(group).Append(',').Append(compound).Append(',')
                        .Append(address).Append(',').Append(status).Append(',').Append(tags).Append(',').Append(name).Append(',')
                        .Append(relation).Append(',').Append(IdNumber(county, birth)).Append(',').Append(hasPhone ? Mobile() : "");
                    writer.WriteLine(line);
                }
            }
        }

        return households;
    }
}
