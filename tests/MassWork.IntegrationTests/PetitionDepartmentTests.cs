namespace MassWork.IntegrationTests;

[Collection(PlatformCollection.Name)]
public sealed class PetitionDepartmentTests(PlatformFixture platform)
{
    private readonly PetitionsApi _api = new(platform);

    [Fact]
    public async Task An_escalated_work_order_is_sent_back_then_signed_and_answered_by_the_department_and_the_town_sees_every_step()
    {
        var code = $"360702-RSJ-{Guid.NewGuid():N}"[..20];
        var staff = $"rsj-{Guid.NewGuid():N}"[..16];
        await _api.Personnel.OkAsync(HttpMethod.Put, $"/api/petitions/departments/{code}", platform.Token("3607", Roles.Operator, "op"),
            new { name = "章贡区人力资源和社会保障局", regionCode = "360702", staffUserIds = new[] { staff } });
        var department = platform.Token("360702", Roles.CountyDepartment, staff);
        var listed = await _api.Personnel.OkAsync(HttpMethod.Get, "/api/petitions/departments", platform.Token("360702003", Roles.TownStaff, "town-clerk"));
        Assert.Contains(listed.EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        var (id, village, _) = await _api.AcceptedCaseAsync();
        var town = _api.Town(village);

        var escalated = await _api.StepAsync(id, "escalate", town, new { departmentCode = code, reason = "涉及社保待遇核定，需区人社局办理" });
        Assert.Equal(("Escalated", code), (escalated.GetProperty("status").GetString(), escalated.GetProperty("holder").GetProperty("code").GetString()));
        var queue = await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/departments/{code}/work-orders", department);
        Assert.Contains(queue.GetProperty("lines").EnumerateArray(), l => l.GetProperty("id").GetGuid() == id);
        // Read by its holder, the case offers the holder's steps: the department's staff may sign for it or send it back.
        var seenByDepartment = await _api.GetAsync(id, department);
        Assert.Equal(["send-back", "sign"], seenByDepartment.GetProperty("steps").EnumerateArray().Select(s => s.GetString()).Order());

        using (var townTriesToSign = await _api.SendStepAsync(id, "sign", town))
        {
            Assert.Equal(HttpStatusCode.Forbidden, townTriesToSign.StatusCode);
        }

        var sentBack = await _api.StepAsync(id, "send-back", department, new { reason = "缺少缴费凭证，请补充后再转" });
        Assert.Equal(("InProgress", village[..9] + "000"), (sentBack.GetProperty("status").GetString(), sentBack.GetProperty("holder").GetProperty("code").GetString()));
        Assert.Empty((await _api.Personnel.OkAsync(HttpMethod.Get, $"/api/petitions/departments/{code}/work-orders", department)).GetProperty("lines").EnumerateArray());

        await _api.StepAsync(id, "escalate", town, new { departmentCode = code, reason = "已补充缴费凭证" });
        await _api.StepAsync(id, "sign", department);
        var answered = await _api.StepAsync(id, "answer", department, new { outcome = "Supported", opinion = "经核定，补发待遇并调整发放账户。" });
        Assert.Equal(("Answered", "章贡区人力资源和社会保障局"), (answered.GetProperty("status").GetString(), answered.GetProperty("answeredBy").GetString()));
        Assert.Equal(village[..9] + "000", answered.GetProperty("holder").GetProperty("code").GetString());

        var seenByTown = await _api.GetAsync(id, town);
        Assert.Equal(["Register", "Assign", "Accept", "Escalate", "SendBack", "Escalate", "Sign", "Answer"], PetitionsApi.Actions(seenByTown));
        Assert.Contains(seenByTown.GetProperty("history").EnumerateArray(), s => s.GetProperty("note").GetString() == "缺少缴费凭证，请补充后再转");
        Assert.Equal(2, await _api.EventsAsync(id, "PetitionEscalated"));
        Assert.Equal(1, await _api.EventsAsync(id, "PetitionSentBack"));
        Assert.Equal(1, await _api.EventsAsync(id, "PetitionSigned"));
    }

    [Fact]
    public async Task The_review_of_a_city_bureaus_answer_belongs_to_the_city_not_the_county()
    {
        var code = $"3607-SBJ-{Guid.NewGuid():N}"[..18];
        var staff = $"sbj-{Guid.NewGuid():N}"[..16];
        await _api.Personnel.OkAsync(HttpMethod.Put, $"/api/petitions/departments/{code}", platform.Token("3607", Roles.Operator, "op"),
            new { name = "赣州市社会保险事业管理局", regionCode = "3607", staffUserIds = new[] { staff } });
        var bureau = platform.Token("3607", Roles.CountyDepartment, staff);
        var (id, village, _) = await _api.AcceptedCaseAsync();
        var town = _api.Town(village);
        await _api.StepAsync(id, "escalate", town, new { departmentCode = code, reason = "涉及市级社保统筹，需市社保局核定" });
        await _api.StepAsync(id, "sign", bureau);
        await _api.StepAsync(id, "answer", bureau, new { outcome = "NotSupported", opinion = "经核定，不符合补发条件。" });
        await _api.StepAsync(id, "review-requests", town, new { reason = "对处理意见不服，申请复查" });

        // The case is back with the town, but the city bureau answered: the county is not above it.
        using (var byCounty = await _api.SendStepAsync(id, "review-answer", _api.County(), new { outcome = "NotSupported", opinion = "复查维持" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, byCounty.StatusCode);
            Assert.Contains("复查", (await byCounty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }

        // Nor does the bureau review its own answer, though its role may answer reviews.
        using (var byItself = await _api.SendStepAsync(id, "review-answer", bureau, new { outcome = "NotSupported", opinion = "复查维持" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, byItself.StatusCode);
        }

        var reviewed = await _api.StepAsync(id, "review-answer", platform.Token("3607", Roles.Leader, "city-leader"), new { outcome = "NotSupported", opinion = "复查维持原处理意见。" });
        Assert.Equal("Closed", reviewed.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_department_outside_the_cases_county_cannot_be_given_the_case()
    {
        var code = $"360703-X-{Guid.NewGuid():N}"[..18];
        await _api.Personnel.OkAsync(HttpMethod.Put, $"/api/petitions/departments/{code}", platform.Token("3607", Roles.Operator, "op"),
            new { name = "南康区某局", regionCode = "360703", staffUserIds = Array.Empty<string>() });
        var (id, village, _) = await _api.AcceptedCaseAsync();

        using var response = await _api.SendStepAsync(id, "escalate", _api.Town(village), new { departmentCode = code, reason = "转办" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("departmentCode", await response.Content.ReadAsStringAsync());
        Assert.Equal("Accepted", (await _api.GetAsync(id, _api.Town(village))).GetProperty("status").GetString());
    }
}
