using MassWork.Contracts.Projects.V1;
using MassWork.Projects.Funding;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Ledger;

/// <summary>A ledger entry after its field checks; a reversal carries the entry it reverses, its note and the amount taken back (0: all that is left of it).</summary>
public sealed record CheckedEntry(EntryKind Kind, FundingSource Source, long AmountFen, Guid? FundId, string? Payee, string? Note, Guid? ReversesEntryId);

/// <summary>
/// The one write path of the ledger, for the endpoint and the demo town alike: the project's stage
/// and plan, the pooled fund, then the source's totals under a row lock, checked by
/// <see cref="Balances"/>; the entry and its event written in the same transaction.
/// </summary>
public sealed class LedgerWriter(ProjectsDbContext db, TimeProvider time)
{
    public async Task<Results<Created<LedgerEntryView>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        Guid id, CheckedEntry entry, Caller caller, CancellationToken cancellationToken)
    {
        // Under Idempotency-Key the filter's transaction holds the key, the entry and the locks together.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            // FOR SHARE: a stage step waits for the money being written, and the write sees the stage it was checked against.
            var project = await db.Projects.FromSql($"SELECT *, xmin FROM projects WHERE id = {id} FOR SHARE").AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (project is null || !caller.Covers(project.RegionCode))
            {
                return Problems.NotFound($"Project {id}");
            }

            var (kind, source, delta, fundId) = (entry.Kind, entry.Source, entry.AmountFen, entry.FundId);
            if (entry.Kind == EntryKind.Reversal)
            {
                // Locked: reversals of one entry queue here, so together they never take back more than it holds.
                var reversed = await db.LedgerEntries.FromSql($"SELECT * FROM ledger_entries WHERE id = {entry.ReversesEntryId} AND project_id = {id} FOR UPDATE")
                    .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
                if (reversed is null)
                {
                    return Problems.Invalid("reversesEntryId", "No such entry in this project's ledger.");
                }

                if (reversed.Kind == EntryKind.Reversal)
                {
                    return Problems.Conflict("A reversal is final",
                        "A reversal cannot itself be reversed: to restore the entry, record it again as a new entry.");
                }

                var reversedFen = await db.LedgerEntries.Where(e => e.ReversesEntryId == reversed.Id).SumAsync(e => e.AmountFen, cancellationToken);
                var asked = entry.AmountFen > 0 ? entry.AmountFen : reversed.AmountFen - reversedFen;
                if (Balances.CheckReversal(reversed.Kind, reversed.AmountFen, reversedFen, asked) is { } notLeft)
                {
                    return LedgerEndpoints.Refused(notLeft);
                }

                (kind, source, delta, fundId) = (reversed.Kind, reversed.Source, -asked, reversed.FundId);
            }
            else if (!project.Funding.Any(f => f.Source == source))
            {
                return Problems.Conflict("Not in the funding plan", $"{source} is not a source in the project's funding plan; add it with PUT /api/projects/{id}/funding.");
            }

            project.RequireLedgerOpen(payment: kind == EntryKind.Payment && delta > 0, takesBack: kind is EntryKind.Budget or EntryKind.Allocation && delta < 0);

            // The fund first, then the source's totals: every writer that needs both takes them in this order.
            PooledFund? fund = null;
            if (fundId is { } poolId && kind == EntryKind.Allocation)
            {
                fund = await db.PooledFunds.FromSql($"SELECT * FROM pooled_funds WHERE id = {poolId} FOR UPDATE").SingleOrDefaultAsync(cancellationToken);
                if (fund is null || !project.RegionCode.StartsWith(fund.RegionCode, StringComparison.Ordinal))
                {
                    return Problems.Invalid("fundId", $"No pooled fund {poolId} serves the project's region {project.RegionCode}.");
                }

                if (!caller.Covers(fund.RegionCode))
                {
                    return Problems.Forbidden($"Money from the pooled fund of {fund.RegionCode} is allocated at that level (统一调配), not by {caller.RegionPrefix}.");
                }
            }

            if (kind == EntryKind.Budget && delta > 0)
            {
                // Budgets of different sources lock different rows: raising any of them waits here, so their sum is checked whole.
                await AdvisoryLock.WaitAsync(db, $"project-budget|{id}", cancellationToken);
                var budgeted = await db.Database.SqlQuery<long>($"SELECT coalesce(sum(budget_fen), 0)::bigint AS \"Value\" FROM source_balances WHERE project_id = {id}")
                    .SingleAsync(cancellationToken);
                if (Balances.CheckApproved(budgeted, project.EstimatedCostFen, delta) is { } overApproved)
                {
                    return LedgerEndpoints.Refused(overApproved);
                }
            }

            // The project's and source's totals, locked until commit: concurrent writers queue here, on any replica.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO source_balances (project_id, source, budget_fen, allocated_fen, paid_fen) VALUES ({id}, {source.ToString()}, 0, 0, 0) ON CONFLICT DO NOTHING",
                cancellationToken);
            var balance = await db.SourceBalances
                .FromSql($"SELECT * FROM source_balances WHERE project_id = {id} AND source = {source.ToString()} FOR UPDATE")
                .SingleAsync(cancellationToken);
            if (Balances.Check(balance.Totals, kind, delta) is { } refusal)
            {
                return LedgerEndpoints.Refused(refusal);
            }

            if (fund is not null && Balances.Check(new FundTotals(fund.DepositedFen, fund.AllocatedFen), delta) is { } overdrawn)
            {
                return LedgerEndpoints.Refused(overdrawn);
            }

            var now = time.GetUtcNow();
            balance.Totals = Balances.Apply(balance.Totals, kind, delta);
            fund?.ChangeAllocated(delta);
            var written = new LedgerEntry
            {
                Id = Guid.CreateVersion7(now),
                ProjectId = id,
                RegionCode = project.RegionCode,
                Kind = entry.Kind,
                Source = source,
                AmountFen = Math.Abs(delta),
                FundId = fundId,
                Payee = entry.Payee,
                Note = entry.Note,
                ReversesEntryId = entry.ReversesEntryId,
                RecordedAt = now,
                RecordedBy = caller.UserId,
            };
            db.LedgerEntries.Add(written);
            // A payment reversed (冲销) is announced too, as a negative amount, so the totals a consumer keeps never go stale.
            if (kind == EntryKind.Payment)
            {
                db.RaiseIntegrationEvent(
                    new PaymentRecorded(id, written.Id, project.RegionCode, source.ToString(), delta, balance.PaidFen, balance.AllocatedFen, project.LinkedDemandIds, now),
                    id.ToString());
            }

            await db.SaveChangesAsync(cancellationToken);

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return TypedResults.Created($"/api/projects/{id}/ledger", LedgerEndpoints.View(written, []));
        }
    }
}
