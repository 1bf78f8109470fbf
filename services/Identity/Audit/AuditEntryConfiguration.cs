namespace MassWork.Identity.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> a)
    {
        a.ToTable("audit_entries");
        a.HasKey(x => x.Sequence);
        // Assigned by the chain under its lock, never by a sequence that could leave gaps.
        a.Property(x => x.Sequence).ValueGeneratedNever();
        a.HasIndex(x => x.AuditId).IsUnique();
        a.Property(x => x.Service).HasMaxLength(100);
        a.Property(x => x.UserId).HasMaxLength(100);
        a.Property(x => x.Region).HasMaxLength(12);
        a.Property(x => x.Action).HasMaxLength(300);
        a.Property(x => x.TraceId).HasMaxLength(32);
        a.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength();
        a.Property(x => x.Hash).HasMaxLength(64).IsFixedLength();
        // The audit administrator asks by person, by entity and by time.
        a.HasIndex(x => new { x.UserId, x.At });
        a.HasIndex(x => x.At);
        a.HasIndex(x => x.Entities).HasMethod("gin");
    }
}
