using MassWork.Personnel.Households;

namespace MassWork.Personnel.Cadres;

internal sealed class CadreConfiguration : IEntityTypeConfiguration<Cadre>
{
    public void Configure(EntityTypeBuilder<Cadre> c)
    {
        c.HasKey(x => x.Id);
        c.Property(x => x.Name).HasMaxLength(HouseholdValidator.MaxNameLength);
        c.Property(x => x.PhoneMasked).HasMaxLength(12);
        c.HasIndex(x => x.PhoneHash).HasMethod("hash");
        c.Property(x => x.Rank).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.Position).HasMaxLength(50);
        c.Property(x => x.RegionCode).HasMaxLength(12);
        c.HasIndex(x => x.RegionCode).HasOperators("varchar_pattern_ops");
        c.Property(x => x.UserId).HasMaxLength(100);
        c.HasIndex(x => x.UserId).IsUnique().HasFilter("user_id IS NOT NULL");
        c.HasIndex(x => x.HomeCompoundId).HasFilter("home_compound_id IS NOT NULL");
        c.HasOne<DispatchingUnit>().WithMany().HasForeignKey(x => x.UnitId);
        c.Property(x => x.RetireReason).HasMaxLength(200);
        c.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
    }
}
