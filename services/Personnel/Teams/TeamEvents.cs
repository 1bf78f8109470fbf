using MassWork.Contracts.Personnel.V1;

namespace MassWork.Personnel.Teams;

/// <summary>The team membership events other services keep who serves which village from, built in one place.</summary>
public static class TeamEvents
{
    public static TeamMemberJoined Joined(TeamMembership m, string villageCode) =>
        new(m.Id, m.TeamId, villageCode, m.CadreId, m.Role.ToString(), m.JoinedAt);

    public static TeamMemberLeft Left(TeamMembership m, string villageCode) =>
        new(m.Id, m.TeamId, villageCode, m.CadreId, m.Role.ToString(), m.LeftAt!.Value);
}
