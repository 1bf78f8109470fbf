namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PersonnelRegionTests(PlatformFixture platform)
{
    private readonly PersonnelApi _api = new(platform);

    [Fact]
    public async Task The_city_tree_is_loaded_and_a_subtree_lists_villages_with_their_groups()
    {
        var village = await _api.NewVillageAsync();
        var group = await _api.AddGroupAsync(village, "第一村民小组");

        var county = await _api.OkAsync(HttpMethod.Get, "/api/personnel/regions/360702000000?depth=1", _api.TownStaff);
        Assert.Equal("章贡区", county.GetProperty("name").GetString());
        Assert.Contains(county.GetProperty("children").EnumerateArray(), t => t.GetProperty("name").GetString() == "解放街道");

        var town = await _api.OkAsync(HttpMethod.Get, $"/api/personnel/regions/{village[..9]}000?depth=1", _api.TownStaff);
        var node = Assert.Single(town.GetProperty("children").EnumerateArray(), v => v.GetProperty("code").GetString() == village);
        var unit = Assert.Single(node.GetProperty("units").EnumerateArray());
        Assert.Equal((group, "Group", "第一村民小组"), (unit.GetProperty("id").GetGuid(), unit.GetProperty("kind").GetString(), unit.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_GBK_region_file_loads_and_reloading_it_changes_nothing()
    {
        var csv = "code,name,level,parent_code\n360702002291,赣江测试村,village,360702002000\n";
        var gbk = CodePagesGbk().GetBytes(csv);

        var first = await PostRegionsAsync(new ByteArrayContent(gbk));
        var second = await PostRegionsAsync(new ByteArrayContent(gbk));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tree = await _api.OkAsync(HttpMethod.Get, "/api/personnel/regions/360702002291?depth=0", _api.TownStaff);
        Assert.Equal("赣江测试村", tree.GetProperty("name").GetString());
        Assert.Equal("{\"regions\":1,\"added\":0,\"renamed\":0}", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_region_file_with_a_bad_line_is_refused_whole_with_the_line_named()
    {
        var csv = "code,name,level,parent_code\n360702002292,好村,village,360702002000\n360702002293,坏村,town,360702002000\n360702099201,孤村,village,360702099000\n";

        using var response = await PostRegionsAsync(new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("line 3", body);
        Assert.Contains("360702099000", body);
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM regions WHERE code = '360702002292'"));
    }

    [Fact]
    public async Task Only_operators_load_regions_and_nobody_reads_outside_their_region()
    {
        using var staff = await _api.SendAsync(HttpMethod.Post, "/api/personnel/regions/import", _api.TownStaff,
            new StringContent("code,name,level\n360702002294,村,village\n", Encoding.UTF8, "text/csv"));
        using var outside = await _api.SendAsync(HttpMethod.Get, "/api/personnel/regions/360703000000", _api.TownStaff);
        using var badCode = await _api.SendAsync(HttpMethod.Get, "/api/personnel/regions/36070200", _api.TownStaff);

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
    }

    private Task<HttpResponseMessage> PostRegionsAsync(HttpContent content) =>
        _api.SendAsync(HttpMethod.Post, "/api/personnel/regions/import", platform.Token("3607", Roles.Operator), content);

    private static Encoding CodePagesGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GBK");
    }
}
