using CsCheck;
using MassWork.Projects.Ledger;

namespace MassWork.UnitTests.Projects;

/// <summary>
/// The ledger's invariants over random sequences of entries: a model ledger with two sources and
/// one pooled fund writes every entry the way the service does (check with <see cref="Balances"/>,
/// then apply), and after each one the totals equal the sums of the accepted entries and keep
/// paid ≤ allocated ≤ budget, the budgets within the approved amount and the fund's allocated ≤ deposited.
/// </summary>
public sealed class LedgerPropertyTests
{
    /// <summary>What a random step tries: 0 budget, 1 allocation, 2 payment, 3 reversal, 4 pooled allocation, 5 deposit.</summary>
    private sealed record Op(int What, int Source, long AmountFen, int Target);

    private sealed record Entry(EntryKind Effect, int Source, long DeltaFen, bool FromFund, bool IsReversal)
    {
        public bool Reversed { get; set; }
    }

    private static readonly Gen<Op> OpGen =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 1], Gen.Long[1, 50_000], Gen.Int[0, 1000], (what, source, amount, target) => new Op(what, source, amount, target));

    private sealed class Model
    {
        public SourceTotals[] Totals { get; } = new SourceTotals[2];

        public FundTotals Fund { get; set; }

        public List<Entry> Entries { get; } = [];

        public int Refused { get; set; }

        /// <summary>Writes the op as the service would; returns the refusal, if any.</summary>
        public LedgerRefusal? Write(Op op)
        {
            if (op.What == 5)
            {
                Fund = Fund with { DepositedFen = Fund.DepositedFen + op.AmountFen };
                return null;
            }

            Entry entry;
            if (op.What == 3)
            {
                if (Entries.Count == 0)
                {
                    return null;
                }

                var target = Entries[op.Target % Entries.Count];
                if (target.IsReversal || target.Reversed)
                {
                    // The service answers 409 before the totals are consulted.
                    Refused++;
                    return new LedgerRefusal("reversal", 0);
                }

                entry = new Entry(target.Effect, target.Source, -target.DeltaFen, target.FromFund, true);
                var refusal = Check(entry);
                if (refusal is null)
                {
                    target.Reversed = true;
                }

                return Commit(entry, refusal);
            }

            var kind = op.What switch { 0 => EntryKind.Budget, 1 or 4 => EntryKind.Allocation, _ => EntryKind.Payment };
            entry = new Entry(kind, op.Source, op.AmountFen, op.What == 4, false);
            return Commit(entry, Check(entry));
        }

        /// <summary>The amount the project was approved at: the budgets of both sources together stay within it.</summary>
        public const long ApprovedFen = 150_000;

        private LedgerRefusal? Check(Entry e) =>
            (e.Effect == EntryKind.Budget ? Balances.CheckApproved(Totals.Sum(t => t.BudgetFen), ApprovedFen, e.DeltaFen) : null)
            ?? Balances.Check(Totals[e.Source], e.Effect, e.DeltaFen)
            ?? (e.FromFund ? Balances.Check(Fund, e.DeltaFen) : null);

        private LedgerRefusal? Commit(Entry e, LedgerRefusal? refusal)
        {
            if (refusal is not null)
            {
                Refused++;
                var after = Balances.Apply(Totals[e.Source], e.Effect, e.DeltaFen);
                var fundOverdrawn = e.FromFund && Fund.AllocatedFen + e.DeltaFen > Fund.DepositedFen;
                var overApproved = e.Effect == EntryKind.Budget && e.DeltaFen > 0 && Totals.Sum(t => t.BudgetFen) + e.DeltaFen > ApprovedFen;
                // Refused only for a reason: applied anyway, it would break a rule.
                Assert.True(!Balances.Holds(after) || fundOverdrawn || overApproved, $"{e} was refused ({refusal.Rule}) though it keeps every rule");
                Assert.True(refusal.RemainingFen >= 0);
                return refusal;
            }

            Totals[e.Source] = Balances.Apply(Totals[e.Source], e.Effect, e.DeltaFen);
            if (e.FromFund && e.Effect == EntryKind.Allocation)
            {
                Fund = Fund with { AllocatedFen = Fund.AllocatedFen + e.DeltaFen };
            }

            Entries.Add(e);
            return null;
        }
    }

    [Fact]
    public void After_any_sequence_of_entries_the_totals_are_the_sums_of_the_entries_and_keep_every_rule()
    {
        OpGen.Array[1, 200].Sample(ops =>
        {
            var model = new Model();
            foreach (var op in ops)
            {
                model.Write(op);
                for (var s = 0; s < 2; s++)
                {
                    var totals = model.Totals[s];
                    Assert.True(Balances.Holds(totals), $"source {s}: {totals}");
                    var mine = model.Entries.Where(e => e.Source == s).ToList();
                    Assert.Equal(mine.Where(e => e.Effect == EntryKind.Budget).Sum(e => e.DeltaFen), totals.BudgetFen);
                    Assert.Equal(mine.Where(e => e.Effect == EntryKind.Allocation).Sum(e => e.DeltaFen), totals.AllocatedFen);
                    Assert.Equal(mine.Where(e => e.Effect == EntryKind.Payment).Sum(e => e.DeltaFen), totals.PaidFen);
                }

                Assert.InRange(model.Totals.Sum(t => t.BudgetFen), 0, Model.ApprovedFen);
                Assert.InRange(model.Fund.AllocatedFen, 0, model.Fund.DepositedFen);
                Assert.Equal(model.Entries.Where(e => e.FromFund).Sum(e => e.DeltaFen), model.Fund.AllocatedFen);
            }
        }, iter: 2000);
    }

    [Fact]
    public void A_payment_beyond_the_allocation_is_refused_with_exactly_what_remains()
    {
        Gen.Select(Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Long[0, 1_000_000], Gen.Long[1, 1_000_000])
            .Where((budget, allocated, paid, _) => paid <= allocated && allocated <= budget)
            .Sample((budget, allocated, paid, payment) =>
            {
                var refusal = Balances.Check(new SourceTotals(budget, allocated, paid), EntryKind.Payment, payment);
                if (paid + payment <= allocated)
                {
                    Assert.Null(refusal);
                }
                else
                {
                    Assert.Equal(allocated - paid, refusal!.RemainingFen);
                }
            });
    }

    [Fact]
    public void A_reversal_cannot_take_a_budget_below_its_allocations_nor_an_allocation_below_its_payments()
    {
        var totals = new SourceTotals(1_000, 800, 500);

        Assert.Equal(200, Balances.Check(totals, EntryKind.Budget, -300)!.RemainingFen);
        Assert.Null(Balances.Check(totals, EntryKind.Budget, -200));
        Assert.Equal(300, Balances.Check(totals, EntryKind.Allocation, -301)!.RemainingFen);
        Assert.Null(Balances.Check(totals, EntryKind.Allocation, -300));
        Assert.Null(Balances.Check(totals, EntryKind.Payment, -500));
        Assert.Equal(100, Balances.Check(new FundTotals(1_000, 900), 101)!.RemainingFen);
        Assert.Throws<ArgumentException>(() => Balances.Check(totals, EntryKind.Reversal, 1));
    }

    [Theory]
    [InlineData(EntryKind.Allocation, 0, 700, null)]
    [InlineData(EntryKind.Allocation, 700, 300, null)]
    [InlineData(EntryKind.Allocation, 700, 301, 300L)]
    [InlineData(EntryKind.Allocation, 1_000, 1, 0L)]
    [InlineData(EntryKind.Budget, 400, 600, null)]
    [InlineData(EntryKind.Payment, 0, 1_000, null)]
    [InlineData(EntryKind.Payment, 0, 999, 1_000L)]
    [InlineData(EntryKind.Payment, 1_000, 1_000, 0L)]
    public void A_budget_or_an_allocation_is_taken_back_in_parts_up_to_its_amount_and_a_payment_only_whole(
        EntryKind kind, long alreadyReversed, long asked, long? refusedWithRemaining)
    {
        Assert.Equal(refusedWithRemaining, Balances.CheckReversal(kind, 1_000, alreadyReversed, asked)?.RemainingFen);
    }

    [Fact]
    public void A_random_sequence_refuses_some_entries_so_the_property_is_not_vacuous()
    {
        var refused = 0;
        var accepted = 0;
        OpGen.Array[50, 100].Sample(ops =>
        {
            var model = new Model();
            foreach (var op in ops)
            {
                model.Write(op);
            }

            Interlocked.Add(ref refused, model.Refused);
            Interlocked.Add(ref accepted, model.Entries.Count);
        }, iter: 100, threads: 1);

        Assert.True(refused > 0 && accepted > 0, $"{refused} refused, {accepted} accepted");
    }
}
