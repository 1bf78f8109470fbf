using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.Teams;

namespace MassWork.Personnel.Registers;

/// <summary>
/// What retiring a cadre or recalling a team does to the work they held: the team places are left
/// and the pairings end with the reason, so the coverage report shows the households as gaps to
/// fill instead of counting them covered by someone who is gone.
/// </summary>
public static class WorkEnding
{
    public static IReadOnlyList<PairingEnded> End(IEnumerable<TeamMembership> memberships, IEnumerable<Pairing> pairings, string by, string reason, DateTimeOffset at)
    {
        foreach (var membership in memberships.Where(m => m.LeftAt is null))
        {
            membership.LeftAt = at;
        }

        var ended = new List<PairingEnded>();
        foreach (var pairing in pairings.Where(p => p.IsActive))
        {
            pairing.End(at, by, reason);
            ended.Add(PairingEvents.Ended(pairing));
        }

        return ended;
    }
}
