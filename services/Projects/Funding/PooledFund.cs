namespace MassWork.Projects.Funding;

/// <summary>
/// A county's or city's pool of dispatching units' aid money (帮扶资金统一管理、统一调配): units deposit,
/// projects in its region are allocated from it. Deposited and Allocated are running totals kept
/// under a row lock with every deposit and allocation, so the pool never allocates more than it holds.
/// </summary>
public sealed class PooledFund
{
    private PooledFund()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The city (4 digits) or county (6 digits) prefix whose projects the pool serves.</summary>
    public string RegionCode { get; private set; } = "";

    public long DepositedFen { get; private set; }

    public long AllocatedFen { get; private set; }

    public long AvailableFen => DepositedFen - AllocatedFen;

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public static PooledFund Open(string name, string regionCode, string actor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Name = name,
        RegionCode = regionCode,
        CreatedAt = now,
        CreatedBy = actor,
    };

    public FundDeposit Deposit(string unitName, Guid? unitId, long amountFen, string actor, DateTimeOffset now)
    {
        if (amountFen <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amountFen), "A deposit is a positive number of fen.");
        }

        DepositedFen = checked(DepositedFen + amountFen);
        return new FundDeposit
        {
            Id = Guid.CreateVersion7(now),
            FundId = Id,
            UnitName = unitName,
            UnitId = unitId,
            AmountFen = amountFen,
            RecordedAt = now,
            RecordedBy = actor,
        };
    }

    /// <summary>Takes the ledger's verdict already checked by <see cref="Ledger.Balances"/>; delta is negative for a reversal.</summary>
    public void ChangeAllocated(long deltaFen) => AllocatedFen += deltaFen;
}

/// <summary>Money a dispatching unit (派出单位) put into a pooled fund; kept for ever.</summary>
public sealed class FundDeposit
{
    public Guid Id { get; init; }

    public Guid FundId { get; init; }

    public required string UnitName { get; init; }

    /// <summary>The unit's id in the personnel service, when the clerk knows it.</summary>
    public Guid? UnitId { get; init; }

    public long AmountFen { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public required string RecordedBy { get; init; }
}
