using MassWork.Petitions.Cases;
using MassWork.ServiceDefaults;

namespace MassWork.ServiceTests.Petitions;

/// <summary>
/// The figures query counts by status groups it is handed from <see cref="CaseStatuses"/>: with one
/// case in every status (and every satisfaction), SQL's counts equal what the C# rules say.
/// </summary>
[Collection(PetitionsCollection.Name)]
public sealed class FiguresRuleTests(PetitionsFixture service)
{
    /// <summary>A village no other test of this collection registers in.</summary>
    private const string Village = "360702002207";

    [Fact]
    public async Task Figures_count_each_status_and_satisfaction_the_way_the_rules_classify_them()
    {
        var town = service.Token(Village[..9], Roles.TownStaff, "figures-clerk");
        var statuses = Enum.GetValues<CaseStatus>();
        var satisfactions = Enum.GetValues<Satisfaction>();
        var ids = new List<Guid>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var created = await service.SendAsync(HttpMethod.Post, "/api/petitions/cases", town, new
            {
                channel = "WalkIn", matterType = "Request", categoryCode = "social-security", regionCode = Village,
                petitioner = new { name = $"统计{i}", phone = $"139{Random.Shared.Next(0, 100_000_000):D8}" }, content = $"核对统计口径的第{i}件事项",
            }, HttpStatusCode.Created);
            ids.Add(created.GetProperty("id").GetGuid());
        }

        // Every status once, every satisfaction in turn, all registered a day before the clock's now.
        for (var i = 0; i < ids.Count; i++)
        {
            await service.Infrastructure.CountAsync("petitionsdb",
                "WITH changed AS (UPDATE cases SET status = @status, satisfaction = @satisfaction, registered_at = registered_at - interval '1 day' WHERE id = @id RETURNING 1) SELECT count(*) FROM changed",
                ("id", ids[i]), ("status", statuses[i].ToString()), ("satisfaction", satisfactions[i % satisfactions.Length].ToString()));
        }

        var today = ChinaTime.LocalDate(service.Clock.GetUtcNow());
        var report = await service.SendAsync(HttpMethod.Get,
            $"/api/petitions/figures?region={Village}&from={today.AddDays(-3):yyyy-MM-dd}&to={today:yyyy-MM-dd}&backlogDays=0", town);
        var counts = report.GetProperty("total").GetProperty("counts");

        Assert.Equal(statuses.Length, counts.GetProperty("collected").GetInt64());
        Assert.Equal(statuses.Count(CaseStatuses.WasAccepted), counts.GetProperty("accepted").GetInt64());
        Assert.Equal(1, counts.GetProperty("notAccepted").GetInt64());
        Assert.Equal(CaseStatuses.Finished.Length, counts.GetProperty("closed").GetInt64());
        Assert.Equal(statuses.Count(CaseStatuses.IsOpen), counts.GetProperty("backlog").GetInt64());
        var satisfied = Enumerable.Range(0, ids.Count).Count(i => Satisfactions.Content.Contains(satisfactions[i % satisfactions.Length]));
        Assert.Equal(satisfied, counts.GetProperty("satisfied").GetInt64());
    }
}
