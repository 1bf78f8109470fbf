using MassWork.Projects.Projects;

namespace MassWork.Projects.Ledger;

internal sealed class SourceBalanceConfiguration : IEntityTypeConfiguration<SourceBalance>
{
    public void Configure(EntityTypeBuilder<SourceBalance> b)
    {
        b.HasKey(x => new { x.ProjectId, x.Source });
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Ignore(x => x.Totals);
        b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        // The last line of defence behind the row lock and Balances.
        b.ToTable(t => t.HasCheckConstraint("ck_source_balances_invariants", "paid_fen >= 0 AND paid_fen <= allocated_fen AND allocated_fen <= budget_fen"));
    }
}
