namespace MassWork.Personnel.NoticeBoard;

internal sealed class VillageProblemConfiguration : IEntityTypeConfiguration<VillageProblem>
{
    public void Configure(EntityTypeBuilder<VillageProblem> p)
    {
        p.HasKey(x => x.CaseId);
        p.Property(x => x.CaseId).ValueGeneratedNever();
        p.Property(x => x.CaseNumber).HasMaxLength(40);
        p.Property(x => x.RegionCode).HasMaxLength(12);
        p.Property(x => x.Category).HasMaxLength(60);
        p.Property(x => x.Outcome).HasMaxLength(20);
        p.HasIndex(x => new { x.RegionCode, x.RaisedAt });
    }
}
