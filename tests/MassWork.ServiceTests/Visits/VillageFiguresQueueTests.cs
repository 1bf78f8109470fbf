using MassWork.ServiceDefaults;
using MassWork.ServiceDefaults.Data;
using MassWork.Visits.Figures;
using MassWork.Visits.Frequency;

namespace MassWork.ServiceTests.Visits;

/// <summary>
/// The villages' kept figures follow every change they are made of, whoever writes it: rows written
/// straight to the tables (as a consumer or a bulk load does) queue the village, a request with few
/// queued refreshes them itself, one with many answers at once and says how many are pending, and
/// the background refresh catches up — after a visit, a cadre's promotion, a pairing's end, a
/// city's new policy, and into a new year with no event at all.
/// </summary>
[Collection(VisitsCollection.Name)]
public sealed class VillageFiguresQueueTests(VisitsFixture service)
{
    private const string City = "3611";
    private const string Village = "361102001201";

    private static readonly FiguresPeriod Year2025 = new(2025, null, null);

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Kept_figures_follow_visits_ranks_pairings_policies_and_the_new_year()
    {
        var (cadre, household, pairing) = await PairedSinceAsync(Village, Shanghai(2025, 1, 1));
        await VisitAsync(cadre, household, Shanghai(2025, 3, 10, 10));

        // Many queued elsewhere is what a request that refreshes nothing itself sees: the figures as last computed, and what is pending.
        var waiting = await service.FiguresAsync(City, Year2025, inlineVillages: 0);
        Assert.Equal(1L, waiting.PendingVillages);
        Assert.Equal(0L, waiting.Total.Households.Due);

        Assert.True(await service.Refresher.RefreshAllAsync(CancellationToken.None) >= 1);
        var fresh = await service.FiguresAsync(City, Year2025, inlineVillages: 0);
        Assert.Equal(0L, fresh.PendingVillages);
        Assert.Equal((1L, 1L, 0L), (fresh.Total.Households.Due, fresh.Total.Households.Visited, fresh.Total.Households.NeverVisitedThisYear));
        Assert.Equal((3L, 1L), (fresh.Total.Contacts.Required, fresh.Total.Contacts.Done));
        Assert.Equal(((long)FrequencyPolicy.Default.GeneralVillageDays, 1L), (fresh.Total.VillageDays.Required, fresh.Total.VillageDays.Done));
        Assert.Equal(Village[..6], Assert.Single(fresh.Areas).RegionCode);
        var march = await service.FiguresAsync(City, new FiguresPeriod(2025, null, 3), inlineVillages: 0);
        Assert.Equal((1L, 1L), (march.Total.Households.Visited, march.Total.Aid.Visits));

        // A second visit on another day, recorded and read at once: few queued, so the request refreshes them itself.
        await VisitAsync(cadre, household, Shanghai(2025, 5, 20, 15));
        var inline = await service.FiguresAsync(City, Year2025);
        Assert.Equal((0L, 2L, 2L), (inline.PendingVillages, inline.Total.Contacts.Done, inline.Total.VillageDays.Done));

        // Promoted to section level (科级): the cadre's rank decides the days owed.
        await ExecuteAsync("UPDATE cadres SET rank = @rank WHERE id = @cadre", ("rank", FrequencyPolicy.SectionLevelRank), ("cadre", cadre));
        Assert.Equal(FrequencyPolicy.Default.SectionLevelVillageDays, (await service.FiguresAsync(City, Year2025)).Total.VillageDays.Required);

        // The pairing ends on 1 July: half a year owes its share of the contacts.
        await ExecuteAsync("UPDATE pairings SET ended_at = @ended WHERE id = @pairing", ("ended", Shanghai(2025, 7, 1)), ("pairing", pairing));
        var ended = await service.FiguresAsync(City, Year2025);
        Assert.Equal(FrequencyRules.Required(3, FrequencyRules.PairedDays(Shanghai(2025, 1, 1), Shanghai(2025, 7, 1), 2025), 2025), ended.Total.Contacts.Required);

        // The city asks for six contacts a year.
        await service.SendAsync(HttpMethod.Put, $"/api/visits/policy/{City}", service.Token("36", Roles.Operator, "queue-operator"),
            new { HouseholdContactsPerYear = 6, SectionLevelVillageDays = 10, GeneralVillageDays = 5 });
        var policy = await service.FiguresAsync(City, Year2025);
        Assert.Equal(FrequencyRules.Required(6, FrequencyRules.PairedDays(Shanghai(2025, 1, 1), Shanghai(2025, 7, 1), 2025), 2025), policy.Total.Contacts.Required);

        // A year with no event at all: the background refresh carries the village into it once it has begun.
        var second = Guid.NewGuid();
        await ExecuteAsync("INSERT INTO pairings (id, kind, household_id, cadre_id, village_code, started_at) VALUES (@id, 'FullCoverage', @household, @cadre, @village, @started)",
            ("id", second), ("household", household), ("cadre", cadre), ("village", Village), ("started", Shanghai(2025, 9, 1)));
        await service.Refresher.RefreshAllAsync(CancellationToken.None);
        var next = new FiguresPeriod(2027, null, null);
        Assert.Equal(0L, (await service.FiguresAsync(City, next, inlineVillages: 0)).Total.Households.Due);
        await service.RefresherAt(Shanghai(2027, 1, 1).AddMinutes(1)).RefreshAllAsync(CancellationToken.None);
        var carried = await service.FiguresAsync(City, next, inlineVillages: 0);
        Assert.Equal((1L, 0L, 1L), (carried.Total.Households.Due, carried.Total.Households.Visited, carried.Total.Households.NeverVisitedThisYear));
    }

    [Fact]
    public async Task A_request_while_another_refresh_runs_answers_at_once_with_what_is_pending_instead_of_waiting_behind_it()
    {
        const string city = "3613", village = "361302001201";
        var (cadre, household, _) = await PairedSinceAsync(village, Shanghai(2025, 1, 1));
        await VisitAsync(cadre, household, Shanghai(2025, 3, 10, 10));

        // Another refresh holds the lock (the background refresher on another replica, in a long batch).
        await using (var connection = new NpgsqlConnection(service.Infrastructure.DatabaseConnectionString("visitsdb")))
        {
            await connection.OpenAsync();
            await using var other = await connection.BeginTransactionAsync();
            await AdvisoryLock.WaitAsync(connection, other, VillageFiguresRefresh.LockName, CancellationToken.None);

            // One village queued is few enough to refresh inline; the lock being taken, the request answers at once with it pending.
            // (The bound only keeps a regression from hanging the suite: waiting behind the lock never returns while it is held.)
            var busy = await service.FiguresAsync(city, Year2025).WaitAsync(TimeSpan.FromSeconds(60));
            Assert.Equal(1L, busy.PendingVillages);
            Assert.Equal(0L, busy.Total.Households.Due);
        }

        var free = await service.FiguresAsync(city, Year2025);
        Assert.Equal((0L, 1L, 1L), (free.PendingVillages, free.Total.Households.Due, free.Total.Households.Visited));
    }

    /// <summary>A household of the village and a cadre of its town, paired since <paramref name="started"/>, written straight to the tables as the consumers write them.</summary>
    private async Task<(Guid Cadre, Guid Household, Guid Pairing)> PairedSinceAsync(string village, DateTimeOffset started)
    {
        var (cadre, household, pairing) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await ExecuteAsync(
            "INSERT INTO households (id, household_number, village_code, head_name, updated_at) VALUES (@household, 'Q-' || @village || '-1', @village, '赖桂香', @at);" +
            "INSERT INTO cadres (id, name, rank, region_code, updated_at) VALUES (@cadre, '钟文华', 'General', left(@village, 9) || '000', @at);" +
            "INSERT INTO pairings (id, kind, household_id, cadre_id, village_code, started_at) VALUES (@pairing, 'FullCoverage', @household, @cadre, @village, @started)",
            ("household", household), ("cadre", cadre), ("pairing", pairing), ("village", village), ("at", Shanghai(2024, 12, 1)), ("started", started));
        return (cadre, household, pairing);
    }

    private async Task VisitAsync(Guid cadre, Guid household, DateTimeOffset at)
    {
        var visit = Guid.NewGuid();
        await ExecuteAsync(
            "INSERT INTO visits (id, client_id, recorded_by, recorded_at, visited_at, mode, late_entry, policy_topics, aid_cash_fen, aid_goods, services_done) " +
            "VALUES (@visit, @visit::text, 'queue-test', @at, @at, 'Home', false, '{}', 0, '[]', '{}');" +
            "INSERT INTO visit_cadres (visit_id, cadre_id) VALUES (@visit, @cadre);" +
            "INSERT INTO visit_households (visit_id, household_id, village_code, contact_card_handed_over) VALUES (@visit, @household, @village, false)",
            ("visit", visit), ("cadre", cadre), ("household", household), ("village", Village), ("at", at));
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(service.Infrastructure.DatabaseConnectionString("visitsdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value is DateTimeOffset instant ? instant.ToUniversalTime() : value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
