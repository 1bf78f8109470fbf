namespace MassWork.Personnel.NoticeBoard;

internal sealed class CommitmentConfiguration : IEntityTypeConfiguration<Commitment>
{
    public void Configure(EntityTypeBuilder<Commitment> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Text).HasMaxLength(500);
        c.Property(x => x.CreatedBy).HasMaxLength(100);
        c.HasIndex(x => x.TeamId);
    }
}
