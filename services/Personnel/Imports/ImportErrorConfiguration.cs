namespace MassWork.Personnel.Imports;

internal sealed class ImportErrorConfiguration : IEntityTypeConfiguration<ImportError>
{
    public void Configure(EntityTypeBuilder<ImportError> e)
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.HasIndex(x => new { x.ImportId, x.Line });
        e.Property(x => x.Field).HasMaxLength(30);
        e.Property(x => x.Message).HasMaxLength(500);
    }
}
