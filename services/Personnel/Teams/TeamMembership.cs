using MassWork.Personnel.Pairings;

namespace MassWork.Personnel.Teams;

/// <summary>A cadre's place in a work team. A cadre serves in one team at a time; leaving keeps the row.</summary>
public sealed class TeamMembership
{
    public Guid Id { get; init; }

    public Guid TeamId { get; init; }

    public Guid CadreId { get; init; }

    public TeamRole Role { get; init; }

    /// <summary>分片包组: the villager groups a resident member takes care of.</summary>
    public List<Guid> GroupIds { get; set; } = [];

    public DateTimeOffset JoinedAt { get; init; }

    public DateTimeOffset? LeftAt { get; set; }

    /// <summary>Leader and resident members are stationed in the village; full-coverage cadres keep their desk job.</summary>
    public PairingKind PairingKind => Role == TeamRole.FullCoverage ? PairingKind.FullCoverage : PairingKind.Resident;
}

public enum TeamRole
{
    /// <summary>队长.</summary>
    Leader,

    /// <summary>常驻队员.</summary>
    Resident,

    /// <summary>全覆盖干部.</summary>
    FullCoverage,
}

public static class TeamRoles
{
    /// <summary>
    /// Which pairing a cadre makes: the team's leader and residents pair as 驻村 (Resident), the
    /// full-coverage cadres and cadres outside any team as 全覆盖 (FullCoverage).
    /// </summary>
    public static PairingKind PairingKindFor(TeamRole? role) =>
        role is TeamRole.Leader or TeamRole.Resident ? PairingKind.Resident : PairingKind.FullCoverage;
}
