namespace MassWork.Petitions.Cases;

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> s)
    {
        s.HasKey(x => x.Id);
        s.Property(x => x.Id).ValueGeneratedNever();
        s.Property(x => x.Action).HasMaxLength(40);
        s.Property(x => x.FromStatus).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.ToStatus).HasConversion<string>().HasMaxLength(20);
        s.Property(x => x.ActorUserId).HasMaxLength(100);
        s.Property(x => x.HolderCode).HasMaxLength(40);
        s.Property(x => x.Note).HasMaxLength(4500);
        s.HasIndex(x => x.CaseId);
    }
}
