namespace MassWork.Projects.Ledger;

/// <summary>
/// A new ledger entry. Budget, Allocation and Payment name a source and an amount in fen; a
/// PooledAid allocation names its fund; a payment names its payee. A Reversal names the entry it
/// reverses and a note saying why, and may name the amount it takes back of a budget or an
/// allocation (without one, all that is left of the entry): source and fund are the reversed entry's.
/// </summary>
public sealed record LedgerRequest(string? Kind, string? Source = null, long? AmountFen = null, Guid? FundId = null, string? Payee = null, string? Note = null, Guid? ReversesEntryId = null);

public sealed record LedgerEntryView(
    Guid Id, long Sequence, string Kind, string Source, long AmountFen, Guid? FundId, string? Payee, string? Note,
    Guid? ReversesEntryId, IReadOnlyList<Guid> ReversedByEntryIds, long ReversedFen, DateTimeOffset RecordedAt, string RecordedBy);

/// <summary>One source's totals: what the plan expects, and what the ledger holds.</summary>
public sealed record SourceTotalsView(string Source, long PlannedFen, long BudgetFen, long AllocatedFen, long PaidFen, long UnallocatedBudgetFen, long UnpaidAllocationFen);

public sealed record ProjectLedger(Guid ProjectId, long BudgetFen, long AllocatedFen, long PaidFen, IReadOnlyList<SourceTotalsView> Sources, IReadOnlyList<LedgerEntryView> Entries);

/// <summary>The money ledger of a project (资金台账): append-only entries, each checked against the source's totals under a row lock.</summary>
public static class LedgerEndpoints
{
    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/api/projects/{id:guid}/ledger").WithTags("Money ledger");
        ledger.MapGet("/", GetAsync).WithName("GetProjectLedger").WithSummary("Every entry in order, and the totals per source");
        ledger.MapPost("/", RecordAsync).WithName("RecordLedgerEntry")
            .WithSummary("Budget, Allocation, Payment or Reversal; refused (409, with the remaining amount) when it would break paid ≤ allocated ≤ budget or overdraw a pooled fund")
            .RequireAuthorization(Permissions.ManageProjects)
            .WithIdempotency<ProjectsDbContext>();
        return routes;
    }

    internal static async Task<Results<Ok<ProjectLedger>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, ProjectsDbContext db, CancellationToken cancellationToken)
    {
        var project = await db.Projects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null || !caller.Covers(project.RegionCode))
        {
            return Problems.NotFound($"Project {id}");
        }

        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.ProjectId == id).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var balances = await db.SourceBalances.AsNoTracking().Where(b => b.ProjectId == id).ToListAsync(cancellationToken);
        var sources = project.Funding.Select(f => f.Source).Union(balances.Select(b => b.Source)).Order()
            .Select(s =>
            {
                var b = balances.SingleOrDefault(x => x.Source == s) ?? new SourceBalance { ProjectId = id, Source = s };
                return new SourceTotalsView(s.ToString(), project.Funding.Where(f => f.Source == s).Sum(f => f.AmountFen),
                    b.BudgetFen, b.AllocatedFen, b.PaidFen, b.BudgetFen - b.AllocatedFen, b.AllocatedFen - b.PaidFen);
            })
            .ToList();
        return TypedResults.Ok(new ProjectLedger(id, balances.Sum(b => b.BudgetFen), balances.Sum(b => b.AllocatedFen), balances.Sum(b => b.PaidFen),
            sources, entries.Select(e => View(e, entries)).ToList()));
    }

    internal static async Task<Results<Created<LedgerEntryView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid id, LedgerRequest request, Caller caller, LedgerWriter writer, IValidator<LedgerRequest> validator, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The ledger entry is not valid");
        }

        return await writer.WriteAsync(id, LedgerEntryValidator.Checked(request), caller, cancellationToken);
    }

    internal static ProblemHttpResult Refused(LedgerRefusal refusal) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The ledger does not allow this entry",
            detail: $"{refusal.Rule} Remaining: {refusal.RemainingFen} fen.",
            extensions: new Dictionary<string, object?> { ["remainingFen"] = refusal.RemainingFen, ["rule"] = refusal.Rule });

    internal static LedgerEntryView View(LedgerEntry e, IReadOnlyList<LedgerEntry> all)
    {
        var reversals = all.Where(x => x.ReversesEntryId == e.Id).ToList();
        return new(e.Id, e.Sequence, e.Kind.ToString(), e.Source.ToString(), e.AmountFen, e.FundId, e.Payee, e.Note, e.ReversesEntryId,
            [.. reversals.Select(x => x.Id)], reversals.Sum(x => x.AmountFen), ChinaTime.Local(e.RecordedAt), e.RecordedBy);
    }
}
