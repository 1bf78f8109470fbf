namespace MassWork.Personnel.Imports;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> j)
    {
        j.HasKey(x => x.Id);
        j.Property(x => x.FileName).HasMaxLength(200);
        j.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        j.Property(x => x.Phase).HasMaxLength(20);
        j.Property(x => x.Encoding).HasMaxLength(20);
        j.Property(x => x.RegionPrefix).HasMaxLength(12);
        j.Property(x => x.CreatedBy).HasMaxLength(100);
        j.Property(x => x.IdempotencyKey).HasMaxLength(200);
        j.Property(x => x.Instance).HasMaxLength(200);
        j.HasIndex(x => new { x.CreatedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
    }
}
