namespace MassWork.Personnel.People;

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> r)
    {
        r.HasKey(x => x.Id);
        r.Property(x => x.Id).UseIdentityAlwaysColumn();
        r.Property(x => x.ReadBy).HasMaxLength(100);
        r.Property(x => x.SubjectKind).HasMaxLength(20);
        r.Property(x => x.Purpose).HasMaxLength(200);
        r.HasIndex(x => x.ReadAt);
    }
}
