using MassWork.Visits.Cadres;
using MassWork.Visits.Households;
using MassWork.Visits.Pairings;

namespace MassWork.Visits.Records;

/// <summary>
/// Who may record a visit to whom — the one place this rule lives. In order:
/// <list type="number">
/// <item>every household lies in the caller's region;</item>
/// <item>a caller acting as a cadre (allowed to record visits but not for others: a work team member) records their own visits: their login is one of the cadres named —
/// staff (village, town, leaders, operators) enter visits for any cadre, from diaries or by phone;</item>
/// <item>every household is paired (结对) with one of the cadres named at the time of the visit, or lies in a village where one of them
/// then held a pairing. A work team serves its villages (工作队包村) and its cadres are paired only there (personnel refuses other
/// pairings), so those villages are the team's: a 下访恳谈 reaches households paired with other members of the team.</item>
/// </list>
/// Each refusal is a 403 naming the field at fault.
/// </summary>
public static class VisitScope
{
    /// <summary>A recorder without <see cref="Permissions.RecordVisitsForOthers"/> (a work team member): records visits, demands and diary entries as themselves only.</summary>
    public static bool ActsAsCadre(Caller caller) => caller.Can(Permissions.RecordVisits) && !caller.Can(Permissions.RecordVisitsForOthers);

    /// <param name="households">The households named, in request order.</param>
    /// <param name="cadres">The cadres named, in request order.</param>
    /// <param name="pairings">Every pairing, current or ended, of the cadres named.</param>
    public static ProblemHttpResult? Check(
        Caller caller, IReadOnlyList<HouseholdRecord> households, IReadOnlyList<CadreRecord> cadres, IReadOnlyCollection<PairingRecord> pairings, DateTimeOffset visitedAt)
    {
        for (var i = 0; i < households.Count; i++)
        {
            if (!caller.Covers(households[i].VillageCode))
            {
                return Problems.OutsideRegion($"householdIds[{i}]", households[i].VillageCode, caller.RegionPrefix);
            }
        }

        if (ActsAsCadre(caller) && !cadres.Any(c => c.UserId == caller.UserId))
        {
            return Problems.Forbidden($"cadreIds: a work team member records their own visits, and none of the cadres named is linked to your login {caller.UserId}.");
        }

        var active = pairings.Where(p => p.ActiveAt(visitedAt)).ToList();
        var paired = active.Select(p => p.HouseholdId).ToHashSet();
        var villages = active.Select(p => p.VillageCode).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < households.Count; i++)
        {
            if (!paired.Contains(households[i].Id) && !villages.Contains(households[i].VillageCode))
            {
                return Problems.Forbidden(
                    $"householdIds[{i}]: household {households[i].HouseholdNumber} was not paired with the cadres named at the time of the visit, nor in a village they served.");
            }
        }

        return null;
    }
}
