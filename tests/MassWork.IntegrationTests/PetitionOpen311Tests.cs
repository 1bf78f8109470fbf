namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PetitionOpen311Tests(PlatformFixture platform)
{
    private readonly PetitionsApi _api = new(platform);

    private async Task<string> ApiKeyAsync() =>
        (await _api.Personnel.CreatedAsync("/api/petitions/open311/clients", platform.Token("3607", Roles.Operator, "op"), new { name = "赣州市民App", regionPrefix = "360702" }))
            .GetProperty("apiKey").GetString()!;

    [Fact]
    public async Task A_311_client_submits_a_request_and_reads_it_back_with_the_specs_field_names()
    {
        var village = await _api.Personnel.NewVillageAsync();
        var key = await ApiKeyAsync();
        var services = await platform.Gateway.GetFromJsonAsync<JsonElement>("/api/petitions/open311/v2/services.json");
        Assert.Contains(services.EnumerateArray(), s => s.GetProperty("service_code").GetString() == "drinking-water" && s.GetProperty("service_name").GetString() == "饮水安全");

        using var post = await platform.Gateway.PostAsync("/api/petitions/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "drinking-water", ["address_id"] = village, ["address_string"] = "村委会旁",
            ["description"] = "自来水连续三天浑浊", ["first_name"] = "建国", ["last_name"] = "刘", ["phone"] = "13607970002",
        }));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var created = Assert.Single((await post.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        var number = created.GetProperty("service_request_id").GetString()!;
        Assert.Contains(number, created.GetProperty("service_notice").GetString());

        var read = Assert.Single((await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/petitions/open311/v2/requests/{number}.json?api_key={key}")).EnumerateArray());
        Assert.Equal(("open", "drinking-water", "饮水安全", village), (read.GetProperty("status").GetString(), read.GetProperty("service_code").GetString(),
            read.GetProperty("service_name").GetString(), read.GetProperty("address_id").GetString()));
        Assert.Contains("自来水连续三天浑浊", read.GetProperty("description").GetString());
        Assert.EndsWith("+08:00", read.GetProperty("requested_datetime").GetString());

        var listed = await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/petitions/open311/v2/requests.json?api_key={key}&service_code=drinking-water&status=open");
        Assert.Contains(listed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);

        var staffView = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/ledger?region={village}", _api.Town(village));
        var line = Assert.Single(staffView.GetProperty("lines").EnumerateArray());
        Assert.Equal(("Online", "刘建国"), (line.GetProperty("channel").GetString(), line.GetProperty("petitioner").GetString()));
    }

    [Fact]
    public async Task A_request_placed_by_coordinates_or_address_alone_stays_with_the_clients_office_and_says_so()
    {
        var key = await ApiKeyAsync();
        async Task<JsonElement> PostAsync(Dictionary<string, string> fields)
        {
            fields["api_key"] = key;
            fields["service_code"] = "roads-irrigation";
            fields["description"] = "路面塌陷";
            fields["last_name"] = "王";
            using var post = await platform.Gateway.PostAsync("/api/petitions/open311/v2/requests.json", new FormUrlEncodedContent(fields));
            Assert.Equal(HttpStatusCode.Created, post.StatusCode);
            return Assert.Single((await post.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        }

        var byCoordinates = await PostAsync(new() { ["lat"] = "25.8312", ["long"] = "114.9336" });
        var byAddress = await PostAsync(new() { ["address_string"] = "章贡区解放街道和平路12号" });

        Assert.Contains("未能定位", byCoordinates.GetProperty("service_notice").GetString());
        foreach (var created in new[] { byCoordinates, byAddress })
        {
            var number = created.GetProperty("service_request_id").GetString();
            var read = Assert.Single((await platform.Gateway.GetFromJsonAsync<JsonElement>($"/api/petitions/open311/v2/requests/{number}.json?api_key={key}")).EnumerateArray());
            Assert.Equal("360702000000", read.GetProperty("address_id").GetString());
        }

        using var nowhere = await platform.Gateway.PostAsync("/api/petitions/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "other", ["description"] = "x", ["last_name"] = "王",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, nowhere.StatusCode);
        Assert.StartsWith("address_id, lat/long or address_string", Assert.Single((await nowhere.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Open311_errors_use_the_specs_shape_and_name_the_field()
    {
        var key = await ApiKeyAsync();

        using var noService = await platform.Gateway.PostAsync("/api/petitions/open311/v2/requests.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = key, ["address_id"] = "360702003201", ["description"] = "路灯不亮", ["last_name"] = "王" }));
        Assert.Equal(HttpStatusCode.BadRequest, noService.StatusCode);
        var error = Assert.Single((await noService.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal(400, error.GetProperty("code").GetInt32());
        Assert.StartsWith("service_code:", error.GetProperty("description").GetString());

        using var badKey = await platform.Gateway.PostAsync("/api/petitions/open311/v2/requests.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = "nope", ["service_code"] = "other", ["address_id"] = "360702003201", ["description"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, badKey.StatusCode);

        using var outside = await platform.Gateway.PostAsync("/api/petitions/open311/v2/requests.json",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = key, ["service_code"] = "other", ["address_id"] = "360703100201", ["description"] = "x", ["last_name"] = "王" }));
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);

        // An instant without its offset would be read in the server's zone, eight hours off: refused, naming the field.
        using var noOffset = await platform.Gateway.GetAsync($"/api/petitions/open311/v2/requests.json?api_key={key}&start_date=2026-11-01T00:00:00");
        Assert.Equal(HttpStatusCode.BadRequest, noOffset.StatusCode);
        Assert.StartsWith("start_date:", Assert.Single((await noOffset.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()).GetProperty("description").GetString());
        using var withOffset = await platform.Gateway.GetAsync($"/api/petitions/open311/v2/requests.json?api_key={key}&start_date=2026-11-01T00:00:00%2B08:00&end_date=2026-11-30T00:00:00Z");
        Assert.Equal(HttpStatusCode.OK, withOffset.StatusCode);
    }

    [Fact]
    public async Task A_staff_token_is_taken_only_where_its_role_may_do_the_same_work()
    {
        async Task<HttpStatusCode> ReadAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/petitions/open311/v2/requests.json");
            request.Headers.Authorization = new("Bearer", token);
            using var response = await platform.Gateway.SendAsync(request);
            return response.StatusCode;
        }

        async Task<HttpStatusCode> FileAsync(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/petitions/open311/v2/requests.json")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["service_code"] = "other", ["address_id"] = "360702003201", ["description"] = "路灯不亮", ["last_name"] = "王" }),
            };
            request.Headers.Authorization = new("Bearer", token);
            using var response = await platform.Gateway.SendAsync(request);
            return response.StatusCode;
        }

        // The three administrators see no work data (三员分立), here as in the petitions API.
        foreach (var admin in new[] { Roles.SecurityAdmin, Roles.AuditAdmin, Roles.SystemAdmin })
        {
            Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (await ReadAsync(platform.Token("3607", admin, "admin")), await FileAsync(platform.Token("3607", admin, "admin"))));
        }

        Assert.Equal(HttpStatusCode.OK, await ReadAsync(platform.Token("3607", Roles.Leader, "leader")));
        Assert.Equal(HttpStatusCode.Created, await FileAsync(platform.Token("360702003", Roles.TownStaff, "clerk")));
    }
}
