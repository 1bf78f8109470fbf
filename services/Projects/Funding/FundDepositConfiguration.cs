namespace MassWork.Projects.Funding;

internal sealed class FundDepositConfiguration : IEntityTypeConfiguration<FundDeposit>
{
    public void Configure(EntityTypeBuilder<FundDeposit> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.UnitName).HasMaxLength(100);
        d.Property(x => x.RecordedBy).HasMaxLength(100);
        d.HasOne<PooledFund>().WithMany().HasForeignKey(x => x.FundId);
        d.HasIndex(x => x.FundId);
        d.ToTable(t => t.HasCheckConstraint("ck_fund_deposits_positive", "amount_fen > 0"));
    }
}
