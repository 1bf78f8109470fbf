using MassTransit;
using MassWork.Contracts.Personnel.V1;

namespace MassWork.Notifications.Teams;

/// <summary>Each event sets only its own instant and inserts the row when first, so either order ends the same.</summary>
public sealed class TeamMemberJoinedConsumer(NotificationsDbContext db, TimeProvider time, ILogger<TeamMemberJoinedConsumer> logger)
    : IdempotentConsumer<TeamMemberJoined, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(TeamMemberJoined e, ConsumeContext<TeamMemberJoined> context) =>
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO team_members (membership_id, team_id, village_code, cadre_id, role, joined_at)
            VALUES ({e.MembershipId}, {e.TeamId}, {e.VillageCode}, {e.CadreId}, {e.Role}, {e.JoinedAt.ToUniversalTime()})
            ON CONFLICT (membership_id) DO UPDATE SET joined_at = excluded.joined_at
            """, context.CancellationToken);
}

public sealed class TeamMemberLeftConsumer(NotificationsDbContext db, TimeProvider time, ILogger<TeamMemberLeftConsumer> logger)
    : IdempotentConsumer<TeamMemberLeft, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(TeamMemberLeft e, ConsumeContext<TeamMemberLeft> context) =>
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO team_members (membership_id, team_id, village_code, cadre_id, role, left_at)
            VALUES ({e.MembershipId}, {e.TeamId}, {e.VillageCode}, {e.CadreId}, {e.Role}, {e.LeftAt.ToUniversalTime()})
            ON CONFLICT (membership_id) DO UPDATE SET left_at = excluded.left_at
            """, context.CancellationToken);
}
