namespace MassWork.ServiceTests.Petitions;

/// <summary>
/// The repeat check (重复反映) holds when a petitioner's matter arrives through several channels at
/// once: intakes of one matter take the petitioner's lock in turn, so exactly one becomes the case
/// and every other is merged into it, each with a number of its own.
/// </summary>
[Collection(PetitionsCollection.Name)]
public sealed class IntakeRepeatTests(PetitionsFixture service)
{
    private const string Village = "360702001202";

    [Fact]
    public async Task Simultaneous_intakes_of_one_matter_make_one_case_and_merge_the_rest_into_it()
    {
        var town = service.Token(Village[..9], Roles.TownStaff, "town-clerk");
        var phone = $"137{Random.Shared.Next(0, 100_000_000):D8}";
        var channels = new[] { "WalkIn", "Phone", "Letter", "Hotline", "Online", "Visit" };

        var intakes = await Task.WhenAll(channels.Select(channel => service.SendAsync(HttpMethod.Post, "/api/petitions/cases", town, new
        {
            channel, matterType = "Request", categoryCode = "social-security", regionCode = Village,
            petitioner = new { name = "陈秀英", phone }, content = "低保金停发两个月，请求核实恢复",
        }, HttpStatusCode.Created)));

        var registered = Assert.Single(intakes, c => c.GetProperty("status").GetString() == "Registered");
        var original = registered.GetProperty("id").GetGuid();
        var merged = intakes.Where(c => c.GetProperty("id").GetGuid() != original).ToList();
        Assert.All(merged, c => Assert.Equal(("NotAccepted", original), (c.GetProperty("status").GetString(), c.GetProperty("repeatOfCaseId").GetGuid())));
        Assert.Equal(channels.Length, intakes.Select(c => c.GetProperty("number").GetString()).Distinct().Count());
        var now = await service.SendAsync(HttpMethod.Get, $"/api/petitions/cases/{original}", town);
        Assert.Equal(channels.Length - 1, now.GetProperty("repeatCount").GetInt32());
    }
}
