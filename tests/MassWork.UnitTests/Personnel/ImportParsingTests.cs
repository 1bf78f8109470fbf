using System.Text;
using MassWork.Personnel.Imports;
using MassWork.Personnel.Regions;

namespace MassWork.UnitTests.Personnel;

public sealed class ImportParsingTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public void Csv_records_keep_quoted_commas_quotes_and_line_breaks_with_their_line_numbers()
    {
        var text = "a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\n";

        var records = new CsvReader(new StringReader(text)).ReadAll().ToList();

        Assert.Equal([1, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["x,1", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
    }

    [Fact]
    public void Windows_and_old_Mac_line_ends_a_last_line_without_one_and_a_field_longer_than_the_buffer_are_read()
    {
        var longAddress = new string('路', 200_000);
        var text = "a,b\r\n1,\"x\r\ny\"\r2,3\r\n\r\n" + $"4,{longAddress}\n5,\"\"";

        var records = new CsvReader(new StringReader(text)).ReadAll().ToList();

        Assert.Equal([1, 2, 4, 6, 7], records.Select(r => r.Line));
        Assert.Equal(["1", "x\ny"], records[1].Fields);
        Assert.Equal(["2", "3"], records[2].Fields);
        Assert.Equal(longAddress, records[3].Fields[1]);
        Assert.Equal(["5", ""], records[4].Fields);
    }

    [Fact]
    public void One_column_can_be_read_without_the_others_quoted_or_not()
    {
        var csv = new CsvReader(new StringReader("H-1,a\n\" H-2 \",b\n\"H\"\"3\",c\n"));
        var numbers = new List<string>();
        while (csv.Read())
        {
            numbers.Add(csv.FieldSpan(0).ToString());
        }

        Assert.Equal(["H-1", " H-2 ", "H\"3"], numbers);
        Assert.Equal(ImportChunkPlan.Key("H-2"), ImportChunkPlan.Key(" H-2 "));
    }

    [Fact]
    public void Utf8_with_or_without_BOM_and_GBK_are_told_apart()
    {
        var chinese = "户号,姓名\nH1,刘桂英\n";
        var gbk = TextEncodingDetector.Gb18030.GetBytes(chinese);

        Assert.Equal("utf-8", TextEncodingDetector.Detect(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(chinese)).ToArray(), true).WebName);
        Assert.Equal("utf-8", TextEncodingDetector.Detect(Encoding.UTF8.GetBytes(chinese), true).WebName);
        Assert.Equal("GB18030", TextEncodingDetector.Detect(gbk, true).WebName, ignoreCase: true);
        Assert.Equal(chinese, TextEncodingDetector.Gb18030.GetString(gbk));
    }

    [Fact]
    public void A_sample_cut_inside_a_character_is_still_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("刘桂英");

        Assert.Equal("utf-8", TextEncodingDetector.Detect(bytes.AsSpan(0, 4), complete: false).WebName);
    }

    [Fact]
    public void Chinese_headers_map_to_the_columns()
    {
        var (columns, error) = HouseholdCsvColumns.FromHeader(["户号", "村代码", "村民小组", "地址", "状态", "标签", "姓名", "与户主关系", "身份证号", "电话"]);

        Assert.Null(error);
        var (row, rowError) = columns!.Parse(new CsvRecord(2, ["H-1", "360702001201", "第一村民小组", "和平路1号", "外出务工", "困难户、低保户", "刘桂英", "户主", "11010519491231002x", "13800138000"]), Today, "3607");
        Assert.Null(rowError);
        Assert.Equal(("第一村民小组", "11010519491231002X", 2), (row!.GroupName, row.IdNumber, row.Tags.Length));
    }

    [Fact]
    public void A_header_without_required_columns_names_them()
    {
        var (columns, error) = HouseholdCsvColumns.FromHeader(["household_number", "name"]);

        Assert.Null(columns);
        Assert.Contains("village_code", error);
        Assert.Contains("relation", error);
    }

    [Theory]
    [InlineData("H 1", "360702001201", "户主", "", "", "household_number")]
    [InlineData("H-1", "360702001000", "户主", "", "", "village_code")]
    [InlineData("H-1", "360703001201", "户主", "", "", "village_code")]
    [InlineData("H-1", "360702001201", "", "", "", "relation")]
    [InlineData("H-1", "360702001201", "户主", "110105194912310021", "", "id_number")]
    [InlineData("H-1", "360702001201", "户主", "", "1380013800", "phone")]
    [InlineData("H-1", "360702001201", "户\u0000主", "", "", "relation")]
    [InlineData("H-1", "360702001201", "户\u0000主", "1101\u0001", "", "id_number")] // two unclean: the first by column name
    public void Each_bad_line_is_reported_with_line_and_field(string number, string village, string relation, string id, string phone, string field)
    {
        var (columns, _) = HouseholdCsvColumns.FromHeader(["household_number", "village_code", "address", "name", "relation", "id_number", "phone"]);

        var (row, error) = columns!.Parse(new CsvRecord(7, [number, village, "和平路1号", "刘桂英", relation, id, phone]), Today, "360702");

        Assert.Null(row);
        Assert.Equal((7, field), (error!.Line, error.Field));
    }

    [Fact]
    public void Region_rows_must_agree_with_their_code()
    {
        Assert.NotNull(RegionCsvRow.Parse(["360702001201", "和平社区", "village", "360702001000"]).Row);
        Assert.Contains("level", RegionCsvRow.Parse(["360702001000", "解放街道", "county", "360702000000"]).Error);
        Assert.Contains("parent_code", RegionCsvRow.Parse(["360702001201", "和平社区", "village", "360702002000"]).Error);
        Assert.Contains("12-digit", RegionCsvRow.Parse(["3607020012", "x", "village"]).Error);
    }

    [Theory]
    [InlineData("360000000000", RegionLevel.Province, "36", null)]
    [InlineData("360700000000", RegionLevel.City, "3607", "360000000000")]
    [InlineData("360702000000", RegionLevel.County, "360702", "360700000000")]
    [InlineData("360702001000", RegionLevel.Town, "360702001", "360702000000")]
    [InlineData("360702001201", RegionLevel.Village, "360702001201", "360702001000")]
    public void Division_codes_know_their_level_prefix_and_parent(string code, RegionLevel level, string prefix, string? parent)
    {
        Assert.Equal(level, DivisionCode.LevelOf(code));
        Assert.Equal(prefix, DivisionCode.Prefix(code));
        Assert.Equal(parent, DivisionCode.ParentOf(code));
    }
}
