namespace MassWork.Personnel.Households;

internal sealed class HouseholdMemberConfiguration : IEntityTypeConfiguration<HouseholdMember>
{
    public void Configure(EntityTypeBuilder<HouseholdMember> m)
    {
        m.HasKey(x => x.Id);
        // Ids are made in code; a new member found through Household.Members is then an insert.
        m.Property(x => x.Id).ValueGeneratedNever();
        m.Property(x => x.Name).HasMaxLength(HouseholdValidator.MaxNameLength);
        m.HasIndex(x => new { x.HouseholdId, x.Name }).IsUnique();
        // Members are found by name or its start (B-tree with pattern ops); the head's name also
        // matches anywhere (trigram index on households). A trigram index here cost a sixth of a
        // city-scale import.
        m.HasIndex(x => x.Name).HasOperators("varchar_pattern_ops");
        m.Property(x => x.Relation).HasMaxLength(HouseholdValidator.MaxRelationLength);
        m.Ignore(x => x.IsHead);
        // Exact-match lookups on random keys: hash indexes are smaller and cheaper to insert into than B-trees.
        m.HasIndex(x => x.IdNumberHash).HasMethod("hash");
        m.HasIndex(x => x.PhoneHash).HasMethod("hash");
        m.Property(x => x.IdNumberMasked).HasMaxLength(18);
        m.Property(x => x.PhoneMasked).HasMaxLength(12);
    }
}
