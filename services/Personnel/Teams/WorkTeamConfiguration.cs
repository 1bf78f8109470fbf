using MassWork.Personnel.Cadres;

namespace MassWork.Personnel.Teams;

internal sealed class WorkTeamConfiguration : IEntityTypeConfiguration<WorkTeam>
{
    public void Configure(EntityTypeBuilder<WorkTeam> t)
    {
        t.HasKey(x => x.Id);
        t.Property(x => x.Name).HasMaxLength(100);
        t.Property(x => x.VillageCode).HasMaxLength(12);
        t.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
        t.HasOne<DispatchingUnit>().WithMany().HasForeignKey(x => x.UnitId);
        t.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId);
        t.Property(x => x.RetireReason).HasMaxLength(200);
        t.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}
