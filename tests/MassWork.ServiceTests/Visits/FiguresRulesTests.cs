using MassWork.ServiceDefaults;
using MassWork.Visits.Figures;
using MassWork.Visits.Frequency;
using NpgsqlTypes;

namespace MassWork.ServiceTests.Visits;

/// <summary>
/// The figures' SQL against the frequency rules in plain C# (<see cref="FrequencyRules.PairedDays"/>,
/// <see cref="FrequencyRules.Required"/>): a random but reproducible city of its own (3609, with a
/// policy of its own) — pairings begun or ended during the year, known only from their end, across
/// the turn of a year and on its edges; cadres of both ranks and one the read model has not heard of;
/// visits in person and by phone, several on one Shanghai day, a second either side of midnight in
/// Shanghai and in UTC, some with a household's village of another time — read by FiguresQuery for a
/// leap year, a quarter of it and the year after, for the city and one county, total and every area.
/// </summary>
[Collection(VisitsCollection.Name)]
public sealed class FiguresRulesTests(VisitsFixture service)
{
    private const string City = "3609";

    /// <summary>Not the default, so the city's row of the policy tables is the one read.</summary>
    private static readonly FrequencyPolicy Policy = new() { HouseholdContactsPerYear = 4, SectionLevelVillageDays = 12, GeneralVillageDays = 6 };

    private sealed record Pairing(Guid Cadre, Guid Household, string Village, DateTimeOffset? Started, DateTimeOffset? Ended);

    private sealed record Contact(Guid Id, DateTimeOffset At, bool InPerson, Guid[] Cadres, (Guid Household, string Village)[] Households);

    private sealed record Seed((Guid Id, string Village)[] Households, Dictionary<Guid, string> Ranks, List<Pairing> Pairings, List<Contact> Visits);

    private sealed record Counts(long Due, long Visited, long Never, long ContactsRequired, long ContactsDone, long DaysRequired, long DaysDone, long Paired, long Behind)
    {
        public static readonly Counts None = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

        public static Counts Of(AreaFigures a) => new(a.Households.Due, a.Households.Visited, a.Households.NeverVisitedThisYear, a.Contacts.Required, a.Contacts.Done,
            a.VillageDays.Required, a.VillageDays.Done, a.Cadres.Paired, a.Cadres.Behind);
    }

    private static DateTimeOffset Shanghai(int year, int month, int day, int hour = 0, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(8));

    [Fact]
    public async Task The_figures_of_every_area_are_what_the_rules_in_CSharp_say()
    {
        await service.SendAsync(HttpMethod.Put, $"/api/visits/policy/{City}", service.Token("36", Roles.Operator, "figures-operator"),
            new { Policy.HouseholdContactsPerYear, Policy.SectionLevelVillageDays, Policy.GeneralVillageDays });
        var seed = Generate(new Random(20240229));
        await StoreAsync(seed);
        // Written straight to the tables, the seed queued its villages; the background refresh computes them.
        await service.Refresher.RefreshAllAsync(CancellationToken.None);

        var seen = Counts.None;
        foreach (var period in new[] { new FiguresPeriod(2024, null, null), new FiguresPeriod(2024, 3, null), new FiguresPeriod(2025, null, null) })
        {
            foreach (var region in new[] { City, "360921" })
            {
                var report = await service.FiguresAsync(region, period);
                var expected = Expected(seed, region, period);
                var areas = expected.Keys.Concat(report.Areas.Select(a => a.RegionCode)).Where(k => k.Length > 0).Distinct().Order(StringComparer.Ordinal);
                List<string> want = [$"{period.Name} {region}: {expected[""]}", .. areas.Select(a => $"{period.Name} {a}: {expected.GetValueOrDefault(a, Counts.None)}")];
                List<string> got = [$"{period.Name} {region}: {Counts.Of(report.Total)}", .. areas.Select(a => $"{period.Name} {a}: {report.Areas.Where(r => r.RegionCode == a).Select(Counts.Of).SingleOrDefault(Counts.None)}")];
                // One line per area, so a failure shows the area and the figure that differ.
                Assert.Equal(string.Join('\n', want), string.Join('\n', got));
                var t = expected[""];
                seen = new Counts(seen.Due + t.Due, seen.Visited + t.Visited, seen.Never + t.Never, seen.ContactsRequired + t.ContactsRequired, seen.ContactsDone + t.ContactsDone,
                    seen.DaysRequired + t.DaysRequired, seen.DaysDone + t.DaysDone, seen.Paired + t.Paired, seen.Behind + t.Behind);
            }
        }

        // The seed is worth comparing: every figure is somewhere neither zero nor everything.
        Assert.True(seen.Visited > 0 && seen.Visited < seen.Due && seen.Never > 0 && seen.ContactsDone > 0 && seen.ContactsDone < seen.ContactsRequired
            && seen.DaysDone > 0 && seen.Behind > 0 && seen.Behind < seen.Paired, seen.ToString());
    }

    /// <summary>
    /// What the figures should be, subject by subject as the rules read: a pairing counts its
    /// Shanghai days within the period (its instants clipped to the period, then
    /// <see cref="FrequencyRules.PairedDays"/>), what it owes is <see cref="FrequencyRules.Required"/>
    /// of the year's figure for the days of all the cadre's pairings with the household; a cadre owes
    /// days in the village by rank for the span from their first paired day to their last. Contacts
    /// and days done are distinct Shanghai dates, contacts counted at most to what is owed. Each
    /// subject counts in one village (<see cref="VillageFigures"/>) and so in one area of any region.
    /// </summary>
    private static Dictionary<string, Counts> Expected(Seed seed, string region, FiguresPeriod period)
    {
        var (yearStart, start, end) = (ChinaTime.StartOf(new DateOnly(period.Year, 1, 1)), ChinaTime.StartOf(period.FirstDay), ChinaTime.StartOf(period.LastDay.AddDays(1)));
        int Days(DateTimeOffset? started, DateTimeOffset? ended, DateTimeOffset from, DateTimeOffset to) =>
            FrequencyRules.PairedDays(started is { } s && s > from ? s : from, ended is { } e && e < to ? e : to, period.Year);
        var childLength = FiguresQuery.ChildLength(region.Length);
        string Area(string village) => village[..childLength];
        bool InRegion(string village) => village.StartsWith(region, StringComparison.Ordinal);
        var held = seed.Pairings.Where(p => Days(p.Started, p.Ended, start, end) > 0).ToList();
        // The village a subject counts in: that of its latest begun pairing (one known only from its end is the earliest).
        string Latest(IEnumerable<Pairing> pairings) => pairings.OrderByDescending(p => p.Started ?? DateTimeOffset.MinValue).First().Village;
        IEnumerable<Contact> In(DateTimeOffset from) => seed.Visits.Where(v => v.At >= from && v.At < end);
        int Dates(IEnumerable<Contact> visits) => visits.Select(v => ChinaTime.LocalDate(v.At)).Distinct().Count();

        // A household counts in the lowest village of all its pairings held this year to the period's end, wherever they are.
        var households = seed.Pairings.Where(p => Days(p.Started, p.Ended, yearStart, end) > 0).GroupBy(p => p.Household).Select(g => (
            Village: g.Select(p => p.Village).Min(StringComparer.Ordinal)!,
            Due: g.Any(p => Days(p.Started, p.Ended, start, end) > 0),
            Visited: In(start).Any(v => v.Households.Any(h => h.Household == g.Key)),
            Seen: In(yearStart).Any(v => v.Households.Any(h => h.Household == g.Key)))).ToList();

        var contacts = held.GroupBy(p => (p.Cadre, p.Household)).Select(g =>
        {
            var required = FrequencyRules.Required(Policy.HouseholdContactsPerYear, g.Sum(p => Days(p.Started, p.Ended, start, end)), period.Year);
            var done = Dates(In(start).Where(v => v.Cadres.Contains(g.Key.Cadre) && v.Households.Any(h => h.Household == g.Key.Household)));
            return (g.Key.Cadre, Village: Latest(g), Required: required, Done: Math.Min(done, required), Behind: done < required);
        }).ToList();

        // A cadre counts once, in the village of their latest pairing, behind on days or on any household's contacts.
        var days = held.GroupBy(p => p.Cadre).Select(g =>
        {
            // From the first day of any pairing to the last day of any: one pairing from the earliest start to the latest end.
            var span = Days(g.Any(p => p.Started is null) ? null : g.Min(p => p.Started), g.Any(p => p.Ended is null) ? null : g.Max(p => p.Ended), start, end);
            var perYear = seed.Ranks.GetValueOrDefault(g.Key) == FrequencyPolicy.SectionLevelRank ? Policy.SectionLevelVillageDays : Policy.GeneralVillageDays;
            var required = FrequencyRules.Required(perYear, span, period.Year);
            var villages = g.Select(p => p.Village).ToHashSet();
            var done = Dates(In(start).Where(v => v.InPerson && v.Cadres.Contains(g.Key) && v.Households.Any(h => villages.Contains(h.Village))));
            return (Cadre: g.Key, Village: Latest(g), Required: required, Done: done, Behind: done < required || contacts.Any(c => c.Cadre == g.Key && c.Behind));
        }).ToList();

        Counts Total(Func<string, bool> inArea)
        {
            var hh = households.Where(h => InRegion(h.Village) && inArea(Area(h.Village))).ToList();
            var c = contacts.Where(x => InRegion(x.Village) && inArea(Area(x.Village))).ToList();
            var d = days.Where(x => InRegion(x.Village) && inArea(Area(x.Village))).ToList();
            return new Counts(hh.Count(h => h.Due), hh.Count(h => h.Due && h.Visited), hh.Count(h => !h.Seen), c.Sum(x => (long)x.Required), c.Sum(x => (long)x.Done),
                d.Sum(x => (long)x.Required), d.Sum(x => (long)x.Done), d.Count, d.Count(x => x.Behind));
        }

        var areas = households.Select(h => h.Village).Concat(contacts.Select(c => c.Village)).Concat(days.Select(d => d.Village)).Where(InRegion).Select(Area).Distinct();
        return areas.ToDictionary(a => a, a => Total(x => x == a)).Append(new KeyValuePair<string, Counts>("", Total(_ => true))).ToDictionary();
    }

    /// <summary>
    /// Twelve villages in three counties; 40 households paired once or twice with 12 cadres (every
    /// third section-level) and one cadre not in the read model; pairings' instants at random or on
    /// the edges of the periods; 250 visits, a fifth with another on the same Shanghai day.
    /// </summary>
    private static Seed Generate(Random random)
    {
        Guid Id()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        DateTimeOffset Between(DateTimeOffset from, DateTimeOffset to) => from.AddSeconds(random.NextInt64((long)(to - from).TotalSeconds));
        string[] villages = [.. from county in new[] { "360902", "360921", "360922" } from town in new[] { "001", "002" } from village in new[] { "201", "202" } select county + town + village];
        var elsewhere = "369901001201";
        var households = Enumerable.Range(0, 40).Select(_ => (Id: Id(), Village: villages[random.Next(villages.Length)])).ToArray();
        var ranks = Enumerable.Range(0, 12).ToDictionary(_ => Id(), i => i % 3 == 0 ? FrequencyPolicy.SectionLevelRank : "General");
        Guid[] cadres = [.. ranks.Keys, Id()];
        DateTimeOffset[] edges = [Shanghai(2024, 1, 1), Shanghai(2025, 1, 1), Shanghai(2024, 7, 1), Shanghai(2024, 10, 1), Shanghai(2024, 12, 31, 23, 59, 59), Shanghai(2024, 2, 29, 12)];
        DateTimeOffset When() => random.Next(4) == 0 ? edges[random.Next(edges.Length)] : Between(Shanghai(2023, 6, 1), Shanghai(2025, 9, 1));

        var pairings = new List<Pairing>();
        // Which subject a pairing counts in goes by its start: no two of a cadre's start alike, at most one known only from its end.
        var starts = new HashSet<(Guid, DateTimeOffset?)>();
        foreach (var (household, village) in households)
        {
            for (var k = 1 + random.Next(2); k > 0; k--)
            {
                var cadre = cadres[random.Next(cadres.Length)];
                DateTimeOffset? started = When(), ended = random.Next(3) == 0 ? null : When();
                if (ended <= started)
                {
                    (started, ended) = (ended, started == ended ? started.Value.AddDays(1) : started);
                }

                if (random.Next(6) == 0 && ended is not null && starts.Add((cadre, null)))
                {
                    started = null;
                }

                while (started is not null && !starts.Add((cadre, started)))
                {
                    started = started.Value.AddSeconds(1);
                }

                // A pairing made while the household lived in another village of the city.
                pairings.Add(new Pairing(cadre, household, random.Next(10) == 0 ? villages[random.Next(villages.Length)] : village, started, ended));
            }
        }

        // Half the leap year to the day (1 January to 1 July, 183 of 366 days) owes exactly 2 of 4 contacts and 3 of 6 days: a day more would owe 3 and 4.
        var half = (Household: Id(), Cadre: Id());
        households = [.. households, (half.Household, villages[5])];
        ranks[half.Cadre] = "General";
        pairings.Add(new Pairing(half.Cadre, half.Household, villages[5], Shanghai(2024, 1, 1), Shanghai(2024, 7, 2)));

        DateTimeOffset[] midnights = [Shanghai(2024, 1, 1), Shanghai(2025, 1, 1), Shanghai(2024, 7, 1), Shanghai(2024, 10, 1), Shanghai(2024, 3, 1), new(2024, 3, 11, 0, 0, 0, TimeSpan.Zero), new(2024, 12, 31, 0, 0, 0, TimeSpan.Zero)];
        var visits = new List<Contact>();
        for (var i = 0; i < 250; i++)
        {
            var pairing = pairings[random.Next(pairings.Count)];
            var (cadre, household) = random.Next(5) == 0 ? (cadres[random.Next(cadres.Length)], households[random.Next(households.Length)].Id) : (pairing.Cadre, pairing.Household);
            var at = random.Next(6) == 0 ? midnights[random.Next(midnights.Length)].AddSeconds(-random.Next(2)) : Between(Shanghai(2023, 12, 1), Shanghai(2025, 2, 1));
            // The village as the register had it at the visit: mostly the household's, now and then one it lived in before, or outside the city.
            string VillageOf(Guid id) => random.Next(10) switch
            {
                0 => villages[random.Next(villages.Length)],
                1 when random.Next(3) == 0 => elsewhere,
                _ => households.First(h => h.Id == id).Village,
            };
            Guid[] who = random.Next(10) == 0 ? [cadre, cadres[random.Next(cadres.Length)]] : [cadre];
            (Guid, string)[] whom = random.Next(10) == 0 ? [(household, VillageOf(household)), (households[random.Next(households.Length)].Id, elsewhere)] : [(household, VillageOf(household))];
            var inPerson = random.Next(10) < 7;
            visits.Add(new Contact(Id(), at, inPerson, [.. who.Distinct()], [.. whom.DistinctBy(h => h.Item1)]));
            if (random.Next(5) == 0)
            {
                // Another visit the same Shanghai day, at its first or last second or in between.
                var day = ChinaTime.StartOf(ChinaTime.LocalDate(at));
                var again = random.Next(3) switch { 0 => day, 1 => day.AddDays(1).AddSeconds(-1), _ => Between(day, day.AddDays(1)) };
                visits.Add(new Contact(Id(), again, random.Next(2) == 0, [cadre], [(household, VillageOf(household))]));
            }
        }

        return new Seed(households, ranks, pairings, visits);
    }

    /// <summary>The read model and the visits as the service keeps them, written straight to its tables.</summary>
    private async Task StoreAsync(Seed seed)
    {
        await using var connection = new NpgsqlConnection(service.Infrastructure.DatabaseConnectionString("visitsdb"));
        await connection.OpenAsync();
        var at = Shanghai(2023, 1, 1).ToUniversalTime();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY households (id, household_number, village_code, head_name, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, village) in seed.Households)
            {
                await writer.WriteRowAsync(default, id, $"R-{id:N}"[..20], village, "赖桂香", at);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY cadres (id, name, rank, region_code, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (id, rank) in seed.Ranks)
            {
                await writer.WriteRowAsync(default, id, "钟文华", rank, City + "00000000", at);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY pairings (id, kind, household_id, cadre_id, village_code, started_at, ended_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in seed.Pairings)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync("FullCoverage", NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Household, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.Cadre, NpgsqlDbType.Uuid);
                await writer.WriteAsync(p.Village, NpgsqlDbType.Varchar);
                await writer.WriteAsync(p.Started?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(p.Ended?.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY visits (id, client_id, recorded_by, recorded_at, visited_at, mode, late_entry, policy_topics, aid_cash_fen, aid_goods, services_done) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var v in seed.Visits)
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(v.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(v.Id.ToString(), NpgsqlDbType.Varchar);
                await writer.WriteAsync("figures-rules", NpgsqlDbType.Varchar);
                await writer.WriteAsync(v.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(v.At.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(v.InPerson ? "Home" : "Phone", NpgsqlDbType.Varchar);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(0L, NpgsqlDbType.Bigint);
                await writer.WriteAsync("[]", NpgsqlDbType.Jsonb);
                await writer.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY visit_cadres (visit_id, cadre_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (visit, cadre) in seed.Visits.SelectMany(v => v.Cadres.Select(c => (v.Id, c))))
            {
                await writer.WriteRowAsync(default, visit, cadre);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY visit_households (visit_id, household_id, village_code, contact_card_handed_over) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (visit, household, village) in seed.Visits.SelectMany(v => v.Households.Select(h => (v.Id, h.Household, h.Village))))
            {
                await writer.WriteRowAsync(default, visit, household, village, false);
            }

            await writer.CompleteAsync();
        }
    }
}
