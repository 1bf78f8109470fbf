using MassWork.Personnel.Regions;
using MassWork.Personnel.Teams;
using Microsoft.EntityFrameworkCore.Storage;

namespace MassWork.Personnel.Pairings;

/// <summary>Loads what the planner needs for a village or town, and applies a reviewed proposal in one transaction.</summary>
public sealed class AssignmentService(PersonnelDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<AssignmentProposal> ProposeAsync(string regionCode, AssignmentMode mode, string createdBy, CancellationToken cancellationToken)
    {
        var prefix = DivisionCode.Prefix(regionCode);
        var policy = await PolicyStore.ForRegionAsync(db, prefix, cancellationToken);

        var households = await db.Households.AsNoTracking()
            .Where(h => h.VillageCode.StartsWith(prefix) && (mode == AssignmentMode.Village || h.CompoundId != null))
            .Select(h => new
            {
                h.Id, h.VillageCode, h.GroupId, h.CompoundId,
                Resident = db.Pairings.Any(p => p.HouseholdId == h.Id && p.EndedAt == null && p.Kind == PairingKind.Resident),
                Full = db.Pairings.Any(p => p.HouseholdId == h.Id && p.EndedAt == null && p.Kind == PairingKind.FullCoverage),
            })
            .ToListAsync(cancellationToken);

        var candidates = mode == AssignmentMode.Village
            ? await db.TeamMemberships.AsNoTracking()
                .Where(m => m.LeftAt == null)
                .Join(db.WorkTeams.Where(t => t.VillageCode.StartsWith(prefix)), m => m.TeamId, t => t.Id, (m, t) => new { m, t.VillageCode })
                .Select(x => new CandidateCadre(x.m.CadreId, TeamRoles.PairingKindFor(x.m.Role),
                    x.VillageCode, x.m.GroupIds, null, db.Pairings.Count(p => p.CadreId == x.m.CadreId && p.EndedAt == null)))
                .ToListAsync(cancellationToken)
            : await db.Cadres.AsNoTracking()
                .Where(c => c.HomeCompoundId != null && c.RetiredAt == null && db.RegionUnits.Any(u => u.Id == c.HomeCompoundId && u.VillageCode.StartsWith(prefix)))
                .Select(c => new CandidateCadre(c.Id, PairingKind.FullCoverage, null, new List<Guid>(), c.HomeCompoundId,
                    db.Pairings.Count(p => p.CadreId == c.Id && p.EndedAt == null)))
                .ToListAsync(cancellationToken);

        var villagesWithResidents = candidates.Where(c => c.Kind == PairingKind.Resident).Select(c => c.VillageCode).ToHashSet();
        var slots = households.SelectMany(h => policy
            .MissingKinds(h.Resident, h.Full, mode == AssignmentMode.Village && villagesWithResidents.Contains(h.VillageCode))
            .Where(k => mode == AssignmentMode.Village || k == PairingKind.FullCoverage)
            .Select(k => new OpenSlot(h.Id, h.VillageCode, h.GroupId, h.CompoundId, k)));
        var plan = AssignmentPlanner.Plan(slots, candidates, mode);

        var proposal = new AssignmentProposal
        {
            Id = Guid.CreateVersion7(), RegionCode = regionCode, Mode = mode,
            Items = [.. plan.Pairings], UnassignedCount = plan.Unassigned.Count, CreatedAt = time.GetUtcNow(), CreatedBy = createdBy,
        };
        db.AssignmentProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        return proposal;
    }

    /// <summary>
    /// Inserts the proposed pairings that are still valid (the household still lacks that kind; the
    /// cadre is not retired and still where the plan found them: on a team serving the household's
    /// village, or living in its compound) with their PairingStarted events, and marks the proposal
    /// applied — all in one transaction. Items overtaken since the review are counted as skipped.
    /// </summary>
    public async Task ApplyAsync(AssignmentProposal proposal, string appliedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await LockAsync(proposal, cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var items = proposal.Items;
        await using var command = new NpgsqlCommand("""
            INSERT INTO pairings (id, cadre_id, household_id, kind, village_code, started_at, started_by)
            SELECT i.id, i.cadre_id, i.household_id, i.kind, h.village_code, @now, @by
            FROM unnest(@ids, @cadres, @households, @kinds) AS i(id, cadre_id, household_id, kind)
            JOIN households h ON h.id = i.household_id
            JOIN cadres c ON c.id = i.cadre_id AND c.retired_at IS NULL
            WHERE (CASE WHEN @by_team
                   THEN EXISTS (SELECT 1 FROM team_memberships m JOIN work_teams t ON t.id = m.team_id
                                WHERE m.cadre_id = i.cadre_id AND m.left_at IS NULL AND t.retired_at IS NULL AND t.village_code = h.village_code)
                   ELSE h.compound_id = c.home_compound_id END)
              AND NOT EXISTS (SELECT 1 FROM pairings p WHERE p.household_id = i.household_id AND p.cadre_id = i.cadre_id AND p.ended_at IS NULL)
            ON CONFLICT (household_id, kind) WHERE ended_at IS NULL DO NOTHING
            RETURNING id, cadre_id, household_id, kind, village_code
            """, connection, (NpgsqlTransaction)transaction.GetDbTransaction());
        command.Parameters.AddWithValue("ids", items.Select(_ => Guid.CreateVersion7(now)).ToArray());
        command.Parameters.AddWithValue("cadres", items.Select(i => i.CadreId).ToArray());
        command.Parameters.AddWithValue("households", items.Select(i => i.HouseholdId).ToArray());
        command.Parameters.AddWithValue("kinds", items.Select(i => i.Kind.ToString()).ToArray());
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("by", appliedBy);
        command.Parameters.AddWithValue("by_team", proposal.Mode == AssignmentMode.Village);

        var inserted = new List<Pairing>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add(new Pairing
                {
                    Id = reader.GetGuid(0), CadreId = reader.GetGuid(1), HouseholdId = reader.GetGuid(2),
                    Kind = Enum.Parse<PairingKind>(reader.GetString(3)), VillageCode = reader.GetString(4), StartedAt = now, StartedBy = appliedBy,
                });
            }
        }

        await PairingEvents.RaiseStartedAsync(db, protector, inserted, cancellationToken);
        proposal.Apply(appliedBy, now, inserted.Count);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task DiscardAsync(AssignmentProposal proposal, string discardedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await LockAsync(proposal, cancellationToken);
        proposal.Discard(discardedBy, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Row lock, then re-read, then the state check: an apply and a discard (or two clicks on
    /// "apply") racing each other decide the proposal once, and the loser gets 409.
    /// </summary>
    private async Task<IDbContextTransaction> LockAsync(AssignmentProposal proposal, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM assignment_proposals WHERE id = {proposal.Id} FOR UPDATE", cancellationToken);
            await db.Entry(proposal).ReloadAsync(cancellationToken);
            proposal.RequireProposed();
            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }
}
