using MassWork.Projects.Data;
using MassWork.Projects.Funding;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Projects.Ledger;

/// <summary>
/// A new ledger entry. Budget, Allocation and Payment name a source and an amount in fen; a
/// PooledAid allocation names its fund; a payment names its payee. A Reversal names only the entry
/// it reverses and a note saying why: source, amount and fund are the reversed entry's.
/// </summary>
public sealed record LedgerRequest(string? Kind, string? Source = null, long? AmountFen = null, Guid? FundId = null, string? Payee = null, string? Note = null, Guid? ReversesEntryId = null);

public sealed record LedgerEntryView(
    Guid Id, long Sequence, string Kind, string Source, long AmountFen, Guid? FundId, string? Payee, string? Note,
    Guid? ReversesEntryId, Guid? ReversedByEntryId, DateTimeOffset RecordedAt, string RecordedBy);

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
        Guid id, LedgerRequest request, Caller caller, LedgerWriter writer, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (Check(request, errors) is not { } entry)
        {
            return Problems.Invalid(errors, "The ledger entry is not valid");
        }

        return await writer.WriteAsync(id, entry, caller, cancellationToken);
    }


    private static CheckedEntry? Check(LedgerRequest request, Dictionary<string, string[]> errors)
    {
        if (!EnumNames.TryParse<EntryKind>(request.Kind, out var kind))
        {
            errors["kind"] = [EnumNames.OneOf<EntryKind>()];
            return null;
        }

        var note = request.Note?.Trim();
        if (note?.Length > 500)
        {
            errors["note"] = ["At most 500 characters."];
        }

        if (kind == EntryKind.Reversal)
        {
            if (request.ReversesEntryId is null)
            {
                errors["reversesEntryId"] = ["Required: the id of the entry to reverse."];
            }

            if (string.IsNullOrEmpty(note))
            {
                errors["note"] = ["Required: why the entry is reversed (冲销原因)."];
            }

            foreach (var (field, given) in new[] { ("source", request.Source is not null), ("amountFen", request.AmountFen is not null), ("fundId", request.FundId is not null), ("payee", request.Payee is not null) })
            {
                if (given)
                {
                    errors[field] = ["Leave it out: a reversal takes it from the entry it reverses."];
                }
            }

            return errors.Count > 0 ? null : new CheckedEntry(kind, default, 0, null, null, note, request.ReversesEntryId);
        }

        FundingSource? source = null;
        if (EnumNames.TryParse<FundingSource>(request.Source, out var parsedSource))
        {
            source = parsedSource;
        }
        else
        {
            errors["source"] = [request.Source is null ? $"Required. {EnumNames.OneOf<FundingSource>()}" : $"Unknown source '{request.Source}'. {EnumNames.OneOf<FundingSource>()}"];
        }

        var amount = Money.Check(request.AmountFen, "amountFen", errors);
        var payee = request.Payee?.Trim();
        if (kind == EntryKind.Payment && (string.IsNullOrEmpty(payee) || payee.Length > 100))
        {
            errors["payee"] = ["Required for a payment, at most 100 characters: who was paid."];
        }
        else if (kind != EntryKind.Payment && payee is not null)
        {
            errors["payee"] = ["Only a payment has a payee."];
        }

        if (kind == EntryKind.Allocation && source == FundingSource.PooledAid && request.FundId is null)
        {
            errors["fundId"] = ["Required: the pooled fund the allocation comes from."];
        }
        else if (request.FundId is not null && !(kind == EntryKind.Allocation && source == FundingSource.PooledAid))
        {
            errors["fundId"] = ["Only a PooledAid allocation names a fund."];
        }

        if (request.ReversesEntryId is not null)
        {
            errors["reversesEntryId"] = ["Only a Reversal names an entry to reverse."];
        }

        return errors.Count > 0 ? null : new CheckedEntry(kind, source!.Value, amount!.Value, request.FundId, payee, note, null);
    }

    internal static ProblemHttpResult Refused(LedgerRefusal refusal) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The ledger does not allow this entry",
            detail: $"{refusal.Rule} Remaining: {refusal.RemainingFen} fen.",
            extensions: new Dictionary<string, object?> { ["remainingFen"] = refusal.RemainingFen, ["rule"] = refusal.Rule });

    internal static LedgerEntryView View(LedgerEntry e, IReadOnlyList<LedgerEntry> all) => new(
        e.Id, e.Sequence, e.Kind.ToString(), e.Source.ToString(), e.AmountFen, e.FundId, e.Payee, e.Note, e.ReversesEntryId,
        all.FirstOrDefault(x => x.ReversesEntryId == e.Id)?.Id, ChinaTime.Local(e.RecordedAt), e.RecordedBy);
}
