using MassWork.Contracts.Petitions.V1;

namespace MassWork.Visits.Demands;

/// <summary>A step of a case as one of petitions' events reports it: the case (with its status after the step), when, and the outcome or note it gives.</summary>
public sealed record CaseProgress(PetitionCaseRef Case, DateTimeOffset At, string? Outcome, string? Note);

/// <summary>
/// Keeps the village ledger (民情台账) from petitions' events: the demand a case was registered from
/// (PetitionCaseRef.SourceDemandId) takes the case's number and status in one statement, unless
/// a newer step was applied already (events of one case may be consumed out of order); an outcome
/// or note stays until a later step gives another. Cases from other channels change nothing.
/// </summary>
public static class DemandLedger
{
    public static async Task ApplyAsync(VisitsDbContext db, CaseProgress progress, CancellationToken cancellationToken)
    {
        if (progress.Case.SourceDemandId is not { } demand)
        {
            return;
        }

        var c = progress.Case;
        var at = progress.At.ToUniversalTime();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE demands SET status = {c.Status}, case_id = {c.CaseId}, case_number = {c.CaseNumber},
                outcome = COALESCE({progress.Outcome}::varchar, outcome), status_note = COALESCE({progress.Note}::varchar, status_note), status_at = {at}
            WHERE id = {demand} AND (status_at IS NULL OR status_at <= {at})
            """, cancellationToken);
    }
}
