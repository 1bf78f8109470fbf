namespace MassWork.Projects.Funding;

internal sealed class PooledFundConfiguration : IEntityTypeConfiguration<PooledFund>
{
    public void Configure(EntityTypeBuilder<PooledFund> f)
    {
        f.HasKey(x => x.Id);
        f.Property(x => x.Id).ValueGeneratedNever();
        f.Property(x => x.Name).HasMaxLength(100);
        f.Property(x => x.RegionCode).HasMaxLength(6);
        f.Property(x => x.CreatedBy).HasMaxLength(100);
        f.Ignore(x => x.AvailableFen);
        f.HasIndex(x => x.RegionCode);
        f.ToTable(t => t.HasCheckConstraint("ck_pooled_funds_within_deposits", "allocated_fen >= 0 AND allocated_fen <= deposited_fen"));
    }
}
