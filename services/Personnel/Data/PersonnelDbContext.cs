using MassWork.Personnel.Households;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Personnel.Data;

public sealed class PersonnelDbContext(DbContextOptions<PersonnelDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Household> Households => Set<Household>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Household>(h =>
        {
            h.HasKey(x => x.Id);
            h.Property(x => x.HouseholdNumber).HasMaxLength(HouseholdRegistration.MaxHouseholdNumberLength);
            h.HasIndex(x => x.HouseholdNumber).IsUnique();
            h.Property(x => x.VillageCode).HasMaxLength(12);
            // Region-scoped reads filter by code prefix (LIKE 'prefix%'); pattern ops let the index serve them.
            h.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
            h.Property(x => x.Address).HasMaxLength(HouseholdRegistration.MaxAddressLength);
            h.Property(x => x.HeadName).HasMaxLength(HouseholdRegistration.MaxNameLength);
            h.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            h.Property(x => x.RegisteredBy).HasMaxLength(100);
        });
    }
}
