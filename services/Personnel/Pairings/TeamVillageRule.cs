namespace MassWork.Personnel.Pairings;

/// <summary>
/// A work team is sent to one village (工作队包村): a cadre serving on a team is paired only with
/// households of the villages their active teams serve. A cadre on no team (a town cadre, a public
/// servant in the compound mode) may be paired anywhere in the caller's region.
/// </summary>
public static class TeamVillageRule
{
    /// <summary>Whether a cadre whose active teams serve <paramref name="teamVillages"/> may be paired with a household of <paramref name="householdVillage"/>.</summary>
    public static bool Allows(IReadOnlyCollection<string> teamVillages, string householdVillage) =>
        teamVillages.Count == 0 || teamVillages.Contains(householdVillage);
}
