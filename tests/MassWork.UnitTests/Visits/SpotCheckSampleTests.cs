using MassWork.Visits.SpotChecks;

namespace MassWork.UnitTests.Visits;

public sealed class SpotCheckSampleTests
{
    private static List<Guid> Population(int count, int seed) =>
        [.. Enumerable.Range(0, count).Select(i => new Guid([.. BitConverter.GetBytes(seed), .. BitConverter.GetBytes(i), .. new byte[8]]))];

    private static SpotCheckSample Draw(IEnumerable<Guid> population, long seed, int size)
    {
        var sample = new SpotCheckSample(seed, size);
        foreach (var id in population)
        {
            sample.Offer(id);
        }

        return sample;
    }

    [Fact]
    public void The_same_seed_over_the_same_households_draws_the_same_sample_whatever_order_they_come_in()
    {
        var households = Population(5_000, 7);
        var first = Draw(households, 20261202, 30);
        var again = Draw(households.OrderBy(_ => Random.Shared.Next()), 20261202, 30);
        Assert.Equal(30, first.Drawn.Count);
        Assert.Equal(first.Drawn, again.Drawn);
        Assert.Equal(5_000, again.Population);
        Assert.Equal(30, first.Drawn.Distinct().Count());
    }

    [Fact]
    public void The_sample_is_the_households_of_lowest_rank_in_rank_order_and_another_seed_draws_another()
    {
        var households = Population(1_000, 3);
        var drawn = Draw(households, 42, 10).Drawn;
        Assert.Equal(households.OrderBy(h => SpotCheckSample.Rank(42, h)).Take(10), drawn);
        Assert.NotEqual(drawn, Draw(households, 43, 10).Drawn);
    }

    [Fact]
    public void A_household_ranks_by_the_SHA256_of_seed_and_id_so_anyone_can_redraw_it()
    {
        // python3: struct.unpack('>Q', sha256(struct.pack('>q', 20261202) + UUID('0193a5b2-…').bytes).digest()[:8])
        Assert.Equal(16710577273785480953UL, SpotCheckSample.Rank(20261202, Guid.Parse("0193a5b2-7c41-7d2e-9f3a-5b6c7d8e9f01")));
    }

    [Fact]
    public void Fewer_households_than_asked_are_all_drawn_and_a_household_added_later_leaves_the_others_in_their_order()
    {
        var households = Population(8, 11);
        Assert.Equal(households.OrderBy(h => SpotCheckSample.Rank(5, h)), Draw(households, 5, 20).Drawn);

        var before = Draw(households, 5, 8).Drawn;
        var late = Population(1, 12)[0];
        var after = Draw([.. households, late], 5, 9).Drawn;
        Assert.Equal(before, after.Where(h => h != late));
    }

    [Fact]
    public void A_fresh_seed_is_within_what_JSON_carries_exactly()
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.InRange(SpotCheckSample.NewSeed(), 0, SpotCheckSample.MaxSeed);
        }
    }
}
