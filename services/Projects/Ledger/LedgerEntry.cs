using MassWork.Projects.Funding;

namespace MassWork.Projects.Ledger;

/// <summary>
/// One line of a project's money ledger (资金台账). Entries are only ever added: a mistake is
/// answered by a reversal of the entry and, where needed, a new one, so the ledger shows both.
/// </summary>
public sealed class LedgerEntry
{
    public Guid Id { get; init; }

    /// <summary>The order entries were written in (a database sequence).</summary>
    public long Sequence { get; init; }

    public Guid ProjectId { get; init; }

    /// <summary>The project's region, copied so the ledger is filtered by region without a join.</summary>
    public required string RegionCode { get; init; }

    public EntryKind Kind { get; init; }

    public FundingSource Source { get; init; }

    /// <summary>Always positive; a reversal takes this much back from the total the entry it reverses moved (all of it, or part of a budget or an allocation).</summary>
    public long AmountFen { get; init; }

    /// <summary>The pooled fund an allocation comes from (PooledAid only).</summary>
    public Guid? FundId { get; init; }

    /// <summary>Who was paid: a contractor, a supplier, a villager paid for work.</summary>
    public string? Payee { get; init; }

    public string? Note { get; init; }

    /// <summary>The entry this one reverses; its reversals together never take back more than it held (<see cref="Balances.CheckReversal"/>).</summary>
    public Guid? ReversesEntryId { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>
/// The running totals of one project and source. Every ledger write locks this row
/// (SELECT … FOR UPDATE) before it checks <see cref="Balances"/>, so writes to one project and source
/// queue in the database, whichever replica serves them.
/// </summary>
public sealed class SourceBalance
{
    public Guid ProjectId { get; init; }

    public FundingSource Source { get; init; }

    public long BudgetFen { get; set; }

    public long AllocatedFen { get; set; }

    public long PaidFen { get; set; }

    public SourceTotals Totals
    {
        get => new(BudgetFen, AllocatedFen, PaidFen);
        set => (BudgetFen, AllocatedFen, PaidFen) = (value.BudgetFen, value.AllocatedFen, value.PaidFen);
    }
}
