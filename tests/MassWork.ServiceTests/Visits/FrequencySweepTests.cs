using MassWork.Contracts.Personnel.V1;

namespace MassWork.ServiceTests.Visits;

/// <summary>
/// The frequency sweeper with the service's clock moved by the test across the end of a year:
/// due soon at the first instant of each city's window, overdue once the late-entry days after
/// the year's end have passed, each raised once however often and however many sweep at once.
/// Only this class moves the visits service's clock, and only forward from 10 June 2026.
/// </summary>
[Collection(VisitsCollection.Name)]
public sealed class FrequencySweepTests(VisitsFixture service)
{
    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    /// <summary>A cadre paired with a household of the village from the instant given, as personnel announces them.</summary>
    private async Task<(Guid Cadre, Guid Household)> PairedAsync(string village, DateTimeOffset since)
    {
        var (cadre, household, at) = (Guid.NewGuid(), Guid.NewGuid(), service.Clock.GetUtcNow());
        await service.Infrastructure.PublishAsync(new CadreRegistered(cadre, "钟文华", null, "General", "科员", null, null, village[..9] + "000", null, at), Guid.NewGuid());
        await service.Infrastructure.PublishAsync(new HouseholdRegistered(household, $"T-{household:N}"[..20], village, "赖桂香", at, "和平路1号", "Resident", [], []), Guid.NewGuid());
        await service.Infrastructure.PublishAsync(new PairingStarted(Guid.NewGuid(), "FullCoverage", since, household, "T", village, "赖桂香", [], cadre, "钟文华", null, null), Guid.NewGuid());
        await Eventually.HoldsAsync(async () => await service.Infrastructure.CountAsync("visitsdb",
                "SELECT count(*) FROM pairings p JOIN households h ON h.id = p.household_id JOIN cadres c ON c.id = p.cadre_id WHERE p.cadre_id = @c", ("c", cadre)) == 1,
            TimeSpan.FromSeconds(30), "the pairing, household and cadre in the read model");
        return (cadre, household);
    }

    private async Task SweepAtAsync(DateTimeOffset instant, int sweepers = 1)
    {
        service.SetClock(instant);
        await Task.WhenAll(Enumerable.Range(0, sweepers).Select(_ => service.Sweeper.SweepOnceAsync(CancellationToken.None)));
    }

    private Task<long> EventsAsync(Guid cadre, string type, string kind) => service.EventsAsync(cadre.ToString(), type, kind);

    private async Task<JsonElement> PayloadAsync(Guid cadre, string type, string kind)
    {
        await using var connection = new Npgsql.NpgsqlConnection(service.Infrastructure.DatabaseConnectionString("visitsdb"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT payload::text FROM outbox_messages WHERE aggregate_id = @a AND message_type LIKE @t AND payload->>'kind' = @k", connection);
        command.Parameters.AddWithValue("a", cadre.ToString());
        command.Parameters.AddWithValue("t", $"MassWork.Contracts.Visits.V1.{type},%");
        command.Parameters.AddWithValue("k", kind);
        return JsonDocument.Parse((string)(await command.ExecuteScalarAsync())!).RootElement.Clone();
    }

    [Fact]
    public async Task Reminders_come_due_soon_in_each_citys_window_and_overdue_after_the_grace_each_once()
    {
        Assert.True(service.Clock.GetUtcNow() < Shanghai(2026, 11, 1), "the visits service's clock was moved past 1 November 2026");
        var operatorToken = service.Token("36", Roles.Operator, "frequency-operator");
        await service.SendAsync(HttpMethod.Put, "/api/visits/policy/3608", operatorToken, new { householdContactsPerYear = 4, dueSoonDays = 45 });

        // Paired from 5 January 2026: 361 of 365 days owe ceil(3 × 361 / 365) = 3 contacts and 5 days (4 contacts in 3608's policy).
        var (cadre, household) = await PairedAsync("360702001201", Shanghai(2026, 1, 5, 9));
        var (elsewhere, _) = await PairedAsync("360802001201", Shanghai(2026, 1, 5, 9));

        // 3608's window opens 45 days before the year's end, 3607's (the default) 30.
        await SweepAtAsync(Shanghai(2026, 11, 16, 23, 59, 59));
        Assert.Equal(0, await EventsAsync(elsewhere, "VisitDueSoon", "HouseholdContacts"));
        await SweepAtAsync(Shanghai(2026, 11, 17));
        Assert.Equal(1, await EventsAsync(elsewhere, "VisitDueSoon", "HouseholdContacts"));
        Assert.Equal(4, (await PayloadAsync(elsewhere, "VisitDueSoon", "HouseholdContacts")).GetProperty("required").GetInt32());
        await SweepAtAsync(Shanghai(2026, 12, 1, 23, 59, 59));
        Assert.Equal(0, await EventsAsync(cadre, "VisitDueSoon", "HouseholdContacts"));

        await SweepAtAsync(Shanghai(2026, 12, 2), sweepers: 3);
        await SweepAtAsync(Shanghai(2026, 12, 2, 8));
        Assert.Equal(1, await EventsAsync(cadre, "VisitDueSoon", "HouseholdContacts"));
        Assert.Equal(1, await EventsAsync(cadre, "VisitDueSoon", "VillageDays"));
        var dueSoon = await PayloadAsync(cadre, "VisitDueSoon", "HouseholdContacts");
        Assert.Equal((household, 2026, 3, 0), (dueSoon.GetProperty("householdId").GetGuid(), dueSoon.GetProperty("year").GetInt32(),
            dueSoon.GetProperty("required").GetInt32(), dueSoon.GetProperty("done").GetInt32()));
        Assert.Equal(Shanghai(2027, 1, 1), dueSoon.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(5, (await PayloadAsync(cadre, "VisitDueSoon", "VillageDays")).GetProperty("required").GetInt32());

        // A visit on 30 December: one contact and one day in the village, still short.
        service.SetClock(Shanghai(2026, 12, 30, 18));
        await service.SendAsync(HttpMethod.Post, "/api/visits/visits", service.Token("360702001", Roles.TownStaff, "visit-clerk"), new
        {
            clientId = Guid.NewGuid().ToString(), visitedAt = Shanghai(2026, 12, 30, 10), mode = "Home", cadreIds = new[] { cadre }, householdIds = new[] { household },
        }, HttpStatusCode.Created);

        // The new year waits out the late-entry days (3) before judging the old one.
        await SweepAtAsync(Shanghai(2027, 1, 1, 0, 0, 1));
        await SweepAtAsync(Shanghai(2027, 1, 3, 23, 59, 59));
        Assert.Equal(0, await EventsAsync(cadre, "VisitOverdue", "HouseholdContacts"));

        await SweepAtAsync(Shanghai(2027, 1, 4), sweepers: 3);
        await SweepAtAsync(Shanghai(2027, 1, 4, 9));
        Assert.Equal(1, await EventsAsync(cadre, "VisitOverdue", "HouseholdContacts"));
        Assert.Equal(1, await EventsAsync(cadre, "VisitOverdue", "VillageDays"));
        // Sent events leave the outbox after 7 days of the moved clock: the alerts say the due-soon ones were not raised again.
        Assert.Equal(2, await service.Infrastructure.CountAsync("visitsdb",
            "SELECT count(*) FROM frequency_alerts WHERE cadre_id = @c AND level = 'DueSoon' AND raised_at < @dec3", ("c", cadre), ("dec3", Shanghai(2026, 12, 3).ToUniversalTime())));
        var overdue = await PayloadAsync(cadre, "VisitOverdue", "HouseholdContacts");
        Assert.Equal((2026, 3, 1), (overdue.GetProperty("year").GetInt32(), overdue.GetProperty("required").GetInt32(), overdue.GetProperty("done").GetInt32()));
        Assert.Equal(1, (await PayloadAsync(cadre, "VisitOverdue", "VillageDays")).GetProperty("done").GetInt32());
        Assert.Equal(0, await service.Infrastructure.CountAsync("visitsdb", "SELECT count(*) FROM frequency_alerts WHERE raised_at IS NULL"));
    }
}
