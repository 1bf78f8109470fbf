using MassWork.Personnel.Cadres;
using MassWork.Personnel.Teams;

namespace MassWork.Personnel.Attendance;

/// <summary>Finds the cadres who hold each approval role for a team: its leader, the town's party secretary and its assigned city leader.</summary>
public static class LeaveApproverLookup
{
    public static async Task<LeaveApprovers> ForTeamAsync(PersonnelDbContext db, Guid teamId, string townCode, CancellationToken cancellationToken)
    {
        var leader = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.TeamId == teamId && m.Role == TeamRole.Leader && m.LeftAt == null)
            .Select(m => (Guid?)m.CadreId).FirstOrDefaultAsync(cancellationToken);
        var officials = await db.TownOfficials.AsNoTracking().SingleOrDefaultAsync(o => o.TownCode == townCode, cancellationToken);
        return new LeaveApprovers(leader, officials?.PartySecretaryCadreId, officials?.CityLeaderCadreId);
    }

    public static Task<Cadre?> CallerCadreAsync(PersonnelDbContext db, string userId, CancellationToken cancellationToken) =>
        db.Cadres.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, cancellationToken);
}
