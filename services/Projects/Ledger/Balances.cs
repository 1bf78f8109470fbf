namespace MassWork.Projects.Ledger;

/// <summary>What an entry does to the money of one project and source.</summary>
public enum EntryKind
{
    /// <summary>A budget approved for the source (批复预算).</summary>
    Budget,

    /// <summary>Money made available from the source (资金拨付到位); from a pooled fund it names the fund.</summary>
    Allocation,

    /// <summary>Money paid out to a payee (支付).</summary>
    Payment,

    /// <summary>Cancels an earlier entry (冲销); a correction is a reversal plus a new entry.</summary>
    Reversal,
}

/// <summary>Running totals of one project and source, in fen.</summary>
public readonly record struct SourceTotals(long BudgetFen, long AllocatedFen, long PaidFen);

/// <summary>Running totals of one pooled fund, in fen.</summary>
public readonly record struct FundTotals(long DepositedFen, long AllocatedFen);

/// <summary>An entry the ledger refuses: the rule it would break and what is left under that rule.</summary>
public sealed record LedgerRefusal(string Rule, long RemainingFen);

/// <summary>
/// The ledger's invariants, per project and source: 0 ≤ paid ≤ allocated ≤ budget; per project: the
/// budgets ≤ the approved amount; per pooled fund: allocated ≤ deposited. An entry changes one total by a delta (positive for a new entry, negative
/// for the reversal of one) and is refused when the totals after it would break a rule. Callers
/// hold a row lock on the totals while they check and write, so the check holds under concurrency.
/// </summary>
public static class Balances
{
    public static LedgerRefusal? Check(SourceTotals totals, EntryKind effect, long deltaFen) => effect switch
    {
        EntryKind.Budget when totals.BudgetFen + deltaFen < totals.AllocatedFen =>
            new LedgerRefusal("The budget of a source cannot fall below what was already allocated from it.", totals.BudgetFen - totals.AllocatedFen),
        EntryKind.Allocation when totals.AllocatedFen + deltaFen > totals.BudgetFen =>
            new LedgerRefusal("Allocations to a source stay within its approved budget.", totals.BudgetFen - totals.AllocatedFen),
        EntryKind.Allocation when totals.AllocatedFen + deltaFen < totals.PaidFen =>
            new LedgerRefusal("An allocation cannot be reversed below what was already paid from it.", totals.AllocatedFen - totals.PaidFen),
        EntryKind.Payment when totals.PaidFen + deltaFen > totals.AllocatedFen =>
            new LedgerRefusal("Payments from a source stay within what was allocated to it.", totals.AllocatedFen - totals.PaidFen),
        EntryKind.Payment when totals.PaidFen + deltaFen < 0 =>
            new LedgerRefusal("More payments reversed than were paid.", totals.PaidFen),
        EntryKind.Reversal => throw new ArgumentException("A reversal acts as the kind of the entry it reverses.", nameof(effect)),
        _ => null,
    };

    /// <summary>
    /// The budgets of all a project's sources together stay within the amount it was approved at: its
    /// estimated cost, which fixed who had to approve it (<see cref="Approval.ApprovalChain"/>). More
    /// money is a new proposal, approved at the level its amount calls for.
    /// </summary>
    public static LedgerRefusal? CheckApproved(long budgetedFen, long approvedFen, long budgetDeltaFen) =>
        budgetDeltaFen > 0 && budgetedFen + budgetDeltaFen > approvedFen
            ? new LedgerRefusal("The budgets of all sources together stay within the amount the project was approved at (its estimated cost).", Math.Max(0, approvedFen - budgetedFen))
            : null;

    /// <summary>
    /// What a reversal (冲销) may take back of the entry it reverses, <paramref name="entryFen"/> of
    /// which <paramref name="reversedFen"/> was already taken back: a budget or an allocation in part
    /// (退回: a cancelled project gives back what it will not spend and keeps what it paid), up to what
    /// is left of it; a payment whole and once (a wrong payment is reversed and recorded again).
    /// </summary>
    public static LedgerRefusal? CheckReversal(EntryKind reversedKind, long entryFen, long reversedFen, long askedFen) =>
        reversedFen >= entryFen
            ? new LedgerRefusal("An entry is reversed at most by its own amount: nothing of it is left to reverse.", 0)
            : reversedKind == EntryKind.Payment && askedFen != entryFen
                ? new LedgerRefusal("A payment is reversed whole: reverse it and record the right payment.", entryFen - reversedFen)
                : askedFen > entryFen - reversedFen
                    ? new LedgerRefusal("A reversal takes back at most what is left of the entry.", entryFen - reversedFen)
                    : null;

    public static LedgerRefusal? Check(FundTotals fund, long allocationDeltaFen) =>
        fund.AllocatedFen + allocationDeltaFen > fund.DepositedFen
            ? new LedgerRefusal("A pooled fund never allocates more than it holds.", fund.DepositedFen - fund.AllocatedFen)
            : null;

    public static SourceTotals Apply(SourceTotals totals, EntryKind effect, long deltaFen) => effect switch
    {
        EntryKind.Budget => totals with { BudgetFen = totals.BudgetFen + deltaFen },
        EntryKind.Allocation => totals with { AllocatedFen = totals.AllocatedFen + deltaFen },
        EntryKind.Payment => totals with { PaidFen = totals.PaidFen + deltaFen },
        _ => throw new ArgumentException("A reversal acts as the kind of the entry it reverses.", nameof(effect)),
    };

    /// <summary>True when the totals keep every rule.</summary>
    public static bool Holds(SourceTotals totals) =>
        totals.PaidFen >= 0 && totals.PaidFen <= totals.AllocatedFen && totals.AllocatedFen <= totals.BudgetFen;
}
