using MassWork.Projects.Ledger;

namespace MassWork.Projects.Funding;

public sealed record FundRequest(string? Name, string? RegionCode);

public sealed record DepositRequest(string? UnitName, long? AmountFen, Guid? UnitId = null);

public sealed record DepositView(Guid Id, string UnitName, Guid? UnitId, long AmountFen, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>An allocation from the fund to a project (or its reversal, with a negative amount).</summary>
public sealed record FundAllocationView(Guid EntryId, Guid ProjectId, string Kind, long AmountFen, DateTimeOffset RecordedAt);

public sealed record FundView(
    Guid Id, string Name, string RegionCode, long DepositedFen, long AllocatedFen, long AvailableFen,
    IReadOnlyList<DepositView> Deposits, IReadOnlyList<FundAllocationView> Allocations);

public sealed record FundSummary(Guid Id, string Name, string RegionCode, long DepositedFen, long AllocatedFen, long AvailableFen);

/// <summary>Pooled aid funds (帮扶资金统一管理、统一调配): opened by a county or the city, fed by dispatching units' deposits.</summary>
public static class FundEndpoints
{
    public static IEndpointRouteBuilder MapFundEndpoints(this IEndpointRouteBuilder routes)
    {
        var funds = routes.MapGroup("/api/projects/funds").WithTags("Pooled funds");
        funds.MapPost("/", OpenAsync).WithName("OpenPooledFund").WithSummary("Open a county's or the city's pooled aid fund")
            .RequireAuthorization(Permissions.ManageFunds)
            .WithIdempotency<ProjectsDbContext>();
        funds.MapGet("/", ListAsync).WithName("ListPooledFunds").WithSummary("The pooled funds in your region and those that serve it");
        funds.MapGet("/{id:guid}", GetAsync).WithName("GetPooledFund").WithSummary("A fund with its deposits and allocations");
        funds.MapPost("/{id:guid}/deposits", DepositAsync).WithName("DepositToPooledFund").WithSummary("A dispatching unit's money paid into the fund")
            .RequireAuthorization(Permissions.ManageFunds)
            .WithIdempotency<ProjectsDbContext>();
        return routes;
    }

    internal static async Task<Results<Created<FundView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        FundRequest request, Caller caller, ProjectsDbContext db, IValidator<FundRequest> validator, TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The fund cannot be opened");
        }

        var region = request.RegionCode!.Trim();
        if (!caller.Covers(region))
        {
            return Problems.OutsideRegion("regionCode", region, caller.RegionPrefix);
        }

        var fund = PooledFund.Open(request.Name!.Trim(), region, caller.UserId, time.GetUtcNow());
        db.PooledFunds.Add(fund);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/projects/funds/{fund.Id}", View(fund, [], []));
    }

    internal static async Task<Results<Ok<List<FundSummary>>, ValidationProblem>> ListAsync(Caller caller, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var prefix = caller.RegionPrefix;
        var funds = await db.PooledFunds.AsNoTracking()
            .Where(f => f.RegionCode.StartsWith(prefix) || prefix.StartsWith(f.RegionCode))
            .OrderBy(f => f.RegionCode).ThenBy(f => f.Name)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(funds.Select(f => new FundSummary(f.Id, f.Name, f.RegionCode, f.DepositedFen, f.AllocatedFen, f.AvailableFen)).ToList());
    }

    internal static async Task<Results<Ok<FundView>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var fund = await db.PooledFunds.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fund is null || !Sees(caller, fund))
        {
            return Problems.NotFound($"Fund {id}");
        }

        var deposits = await db.FundDeposits.AsNoTracking().Where(d => d.FundId == id).OrderBy(d => d.RecordedAt).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var allocations = await db.LedgerEntries.AsNoTracking().Where(e => e.FundId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return TypedResults.Ok(View(fund, deposits, allocations));
    }

    internal static async Task<Results<Created<DepositView>, ValidationProblem, ProblemHttpResult>> DepositAsync(
        Guid id, DepositRequest request, Caller caller, ProjectsDbContext db, IValidator<DepositRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The deposit is not valid");
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            // Deposits and allocations change the fund's totals under this lock, one at a time.
            var fund = await db.PooledFunds.FromSql($"SELECT * FROM pooled_funds WHERE id = {id} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
            if (fund is null || !Sees(caller, fund))
            {
                return Problems.NotFound($"Fund {id}");
            }

            if (!caller.Covers(fund.RegionCode))
            {
                return Problems.Forbidden($"Deposits into the fund of {fund.RegionCode} are recorded by its own level, not by {caller.RegionPrefix}.");
            }

            var deposit = fund.Deposit(request.UnitName!.Trim(), request.UnitId, request.AmountFen!.Value, caller.UserId, time.GetUtcNow());
            db.FundDeposits.Add(deposit);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return TypedResults.Created($"/api/projects/funds/{id}", DepositOf(deposit));
        }
    }

    /// <summary>A fund is seen by its own region and by the regions it serves.</summary>
    private static bool Sees(Caller caller, PooledFund fund) =>
        caller.Covers(fund.RegionCode) || caller.RegionPrefix.StartsWith(fund.RegionCode, StringComparison.Ordinal);

    private static DepositView DepositOf(FundDeposit d) => new(d.Id, d.UnitName, d.UnitId, d.AmountFen, ChinaTime.Local(d.RecordedAt), d.RecordedBy);

    /// <summary>A fund's ledger entries are its allocations and their reversals (which carry the fund of the allocation they reverse).</summary>
    private static FundView View(PooledFund f, IReadOnlyList<FundDeposit> deposits, IReadOnlyList<LedgerEntry> allocations) =>
        new(f.Id, f.Name, f.RegionCode, f.DepositedFen, f.AllocatedFen, f.AvailableFen,
            deposits.Select(DepositOf).ToList(),
            allocations.Select(e => new FundAllocationView(e.Id, e.ProjectId, e.Kind.ToString(),
                e.Kind == EntryKind.Reversal ? -e.AmountFen : e.AmountFen, ChinaTime.Local(e.RecordedAt))).ToList());
}
