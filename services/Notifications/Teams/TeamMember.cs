namespace MassWork.Notifications.Teams;

/// <summary>
/// A cadre's place in a village's work team (工作队), from personnel's TeamMemberJoined and
/// TeamMemberLeft: who leads which village, for the weekly visits digest. Either event may arrive
/// first; a row known only from its leaving (JoinedAt null) leads nobody.
/// </summary>
public sealed class TeamMember
{
    public Guid MembershipId { get; init; }

    public Guid TeamId { get; init; }

    public required string VillageCode { get; init; }

    public Guid CadreId { get; init; }

    /// <summary>"Leader" (队长), "Resident" (常驻队员) or "FullCoverage" (全覆盖干部).</summary>
    public required string Role { get; init; }

    public DateTimeOffset? JoinedAt { get; init; }

    public DateTimeOffset? LeftAt { get; init; }
}
