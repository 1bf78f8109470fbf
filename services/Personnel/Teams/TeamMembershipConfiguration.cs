using MassWork.Personnel.Cadres;
using MassWork.Personnel.Pairings;

namespace MassWork.Personnel.Teams;

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> m)
    {
        m.HasKey(x => x.Id);
        m.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        m.Ignore(x => x.PairingKind);
        // A cadre serves in one team at a time.
        m.HasIndex(x => x.CadreId).IsUnique().HasFilter("left_at IS NULL").HasDatabaseName("ix_team_memberships_active_cadre");
        m.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId);
    }
}
