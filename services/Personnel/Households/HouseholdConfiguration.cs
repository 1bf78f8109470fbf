namespace MassWork.Personnel.Households;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> h)
    {
        h.HasKey(x => x.Id);
        h.Property(x => x.HouseholdNumber).HasMaxLength(HouseholdValidator.MaxHouseholdNumberLength);
        h.HasIndex(x => x.HouseholdNumber).IsUnique();
        h.Property(x => x.VillageCode).HasMaxLength(12);
        // Region-scoped reads filter by code prefix (LIKE 'prefix%'); pattern ops let the index serve them.
        h.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
        h.Property(x => x.Address).HasMaxLength(HouseholdValidator.MaxAddressLength);
        h.Property(x => x.HeadName).HasMaxLength(HouseholdValidator.MaxNameLength);
        h.HasIndex(x => x.HeadName).HasMethod("gin").HasOperators("gin_trgm_ops");
        h.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        h.Property(x => x.Tags).HasDefaultValueSql("'{}'::text[]");
        h.HasIndex(x => x.Tags).HasMethod("gin");
        h.Property(x => x.RegisteredBy).HasMaxLength(100);
        h.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        // No database foreign key: members are only ever written with their household (one
        // SaveChanges, or the import's merge from the same staged rows) and households are never
        // deleted; a per-row key check would cost a third of a city-scale import.
        h.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.ClientCascade);
        h.Navigation(x => x.Members).AutoInclude(false);
    }
}
