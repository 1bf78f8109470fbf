namespace MassWork.Notifications.Teams;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> t)
    {
        t.HasKey(x => x.MembershipId);
        t.Property(x => x.MembershipId).ValueGeneratedNever();
        t.Property(x => x.VillageCode).HasMaxLength(12);
        t.Property(x => x.Role).HasMaxLength(20);
        // The digest finds each village's serving leader.
        t.HasIndex(x => x.VillageCode).HasFilter("role = 'Leader' AND left_at IS NULL").HasDatabaseName("ix_team_members_leaders");
    }
}
