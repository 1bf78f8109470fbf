namespace MassWork.Petitions.Cases;

internal sealed class CaseDeadlineConfiguration : IEntityTypeConfiguration<CaseDeadline>
{
    public void Configure(EntityTypeBuilder<CaseDeadline> d)
    {
        d.HasKey(x => x.Id);
        // Ids are set by the domain; a deadline added to a loaded case is an insert, not an update.
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        d.HasIndex(x => x.CaseId);
        // The sweeper's two questions, each answered from a small partial index.
        d.HasIndex(x => x.WarnAt).HasFilter("met_at IS NULL AND cancelled_at IS NULL AND approaching_raised_at IS NULL").HasDatabaseName("ix_case_deadlines_to_warn");
        d.HasIndex(x => x.DueAt).HasFilter("met_at IS NULL AND cancelled_at IS NULL AND missed_raised_at IS NULL").HasDatabaseName("ix_case_deadlines_to_miss");
    }
}
