namespace MassWork.Notifications.Digest;

internal sealed class DigestRunConfiguration : IEntityTypeConfiguration<DigestRun>
{
    public void Configure(EntityTypeBuilder<DigestRun> r)
    {
        r.HasKey(x => x.SlotAt);
    }
}
