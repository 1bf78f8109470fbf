using MassWork.Projects.Funding;
using MassWork.Projects.Projects;

namespace MassWork.Projects.Ledger;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Sequence).HasDefaultValueSql("nextval('ledger_entry_seq')").ValueGeneratedOnAdd();
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Payee).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(500);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        e.HasOne<PooledFund>().WithMany().HasForeignKey(x => x.FundId);
        // An entry may be reversed in parts (a budget or an allocation); the writer locks it while it sums them.
        e.HasIndex(x => x.ReversesEntryId).HasFilter("reverses_entry_id IS NOT NULL");
        e.HasIndex(x => new { x.ProjectId, x.Sequence });
        e.HasIndex(x => new { x.FundId, x.Sequence }).HasFilter("fund_id IS NOT NULL");
        e.ToTable(t => t.HasCheckConstraint("ck_ledger_entries_positive", "amount_fen > 0"));
    }
}
