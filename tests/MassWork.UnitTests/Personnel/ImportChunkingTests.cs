using MassWork.Personnel.Households;
using MassWork.Personnel.Imports;

namespace MassWork.UnitTests.Personnel;

public sealed class ImportChunkingTests
{
    private static List<long> Keys(params string[] numbers) => numbers.Select(n => ImportChunkPlan.Key(n)).ToList();

    [Fact]
    public void Households_kept_together_are_cut_every_so_many_households()
    {
        var keys = Keys("A", "A", "B", "C", "C", "C", "D", "E", "E");

        Assert.Equal([3, 4, 2], ImportChunkPlan.Sizes(keys, householdsPerChunk: 2));
    }

    [Fact]
    public void A_household_whose_lines_are_scattered_stays_in_one_chunk()
    {
        // B's second line comes after C and D: the first chunk must reach it.
        var keys = Keys("A", "B", "C", "D", "B", "E", "F");

        var sizes = ImportChunkPlan.Sizes(keys, householdsPerChunk: 1);

        Assert.Equal([1, 4, 1, 1], sizes);
        Assert.Equal(keys.Count, sizes.Sum());
    }

    [Fact]
    public void A_household_on_the_first_and_last_line_makes_one_chunk()
    {
        Assert.Equal([5], ImportChunkPlan.Sizes(Keys("A", "B", "C", "D", "A"), householdsPerChunk: 1));
    }

    [Fact]
    public void Every_line_of_a_household_lands_in_the_same_chunk_of_a_shuffled_file()
    {
        var random = new Random(11);
        var numbers = Enumerable.Range(0, 2_000).SelectMany(h => Enumerable.Repeat($"H{h}", 1 + h % 4))
            .Select(n => (n, order: random.Next(50) + (int.Parse(n[1..]) * 10)))
            .OrderBy(x => x.order).Select(x => x.n).ToArray();

        var sizes = ImportChunkPlan.Sizes(Keys(numbers), householdsPerChunk: 30);

        var chunkOf = new Dictionary<string, int>();
        var line = 0;
        for (var chunk = 0; chunk < sizes.Count; chunk++)
        {
            for (var i = 0; i < sizes[chunk]; i++, line++)
            {
                Assert.Equal(chunk, chunkOf.TryAdd(numbers[line], chunk) ? chunk : chunkOf[numbers[line]]);
            }
        }

        Assert.True(sizes.Count > 10, $"only {sizes.Count} chunks");
    }

    [Fact]
    public void Household_keys_of_a_million_numbers_do_not_collide()
    {
        var keys = Enumerable.Range(0, 1_000_000).Select(i => ImportChunkPlan.Key($"3607{i:D13}")).ToHashSet();

        Assert.Equal(1_000_000, keys.Count);
    }

    private static StagedLine Line(int line, string number, string name, string relation, string village = "360702001201") =>
        new(new HouseholdCsvRow(line, number, village, null, null, "1号", HouseholdStatus.Resident, [], name, relation, null, null), Guid.NewGuid(), null, null);

    [Fact]
    public void Cross_line_rules_reject_each_line_with_its_reason_and_keep_the_rest()
    {
        var villages = new HashSet<string> { "360702001201" };
        var errors = new List<ImportRowError>();

        var households = HouseholdLineChecks.Group(
        [
            Line(2, "H-1", "刘桂英", "户主"),
            Line(3, "H-1", "陈建国", "配偶"),
            Line(4, "H-1", "陈建国", "子"),
            Line(5, "H-2", "王福生", "户主", village: "360702001299"),
            Line(6, "H-3", "赵六", "子"),
            Line(7, "H-4", "钱七", "户主"),
            Line(8, "H-4", "钱八", "户主"),
            Line(9, "H-5", "孙九", "子"),
            Line(10, "H-5", "孙十", "户主"),
        ], villages, Guid.NewGuid, errors);

        Assert.Equal(["H-1", "H-5"], households.Select(h => h.Fields.HouseholdNumber));
        Assert.Equal(["刘桂英", "陈建国"], households[0].Members.Select(m => m.Row.Name));
        Assert.Equal("孙十", households[1].Fields.Name);
        Assert.Equal([(4, "name"), (5, "village_code"), (6, "relation"), (7, "relation"), (8, "relation")],
            errors.OrderBy(e => e.Line).Select(e => (e.Line, e.Field)));
        Assert.Contains("no valid line with relation 户主", errors.Single(e => e.Line == 6).Message);
        Assert.Contains("more than one 户主", errors.Single(e => e.Line == 7).Message);
    }

    [Fact]
    public void Bulk_ids_are_unique_ordered_version_7_uuids()
    {
        var now = new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);
        var first = new BulkIds(now);
        var ids = Enumerable.Range(0, 100_000).Select(_ => first.Next()).ToList();
        var others = Enumerable.Range(0, 100_000).Select(_ => new BulkIds(now).Next());

        Assert.Equal(200_000, ids.Concat(others).Distinct().Count());
        Assert.Equal(ids, ids.Order().ToList());
        Assert.All(ids.Take(10), id => Assert.Equal(7, id.Version));
        Assert.All(ids.Take(10), id => Assert.Equal(0b10, id.Variant >> 2));
        Assert.Equal(now.ToUnixTimeMilliseconds(), Convert.ToInt64(ids[0].ToString("N")[..12], 16));
    }
}
