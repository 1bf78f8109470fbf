using System.Text.Json;
using MassWork.ServiceDefaults.Data;
using MassWork.Visits.Cadres;
using MassWork.Visits.Households;
using MassWork.Visits.Pairings;
using MassWork.Visits.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Visits.Data;

/// <summary>
/// The visits service's database: its copy of who should visit whom (households, cadres,
/// pairings, from personnel's events) and the visits recorded.
/// </summary>
public sealed class VisitsDbContext(DbContextOptions<VisitsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    public DbSet<CadreRecord> Cadres => Set<CadreRecord>();

    public DbSet<PairingRecord> Pairings => Set<PairingRecord>();

    public DbSet<Visit> Visits => Set<Visit>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HouseholdRecord>(h =>
        {
            h.HasKey(x => x.Id);
            h.Property(x => x.HouseholdNumber).HasMaxLength(40);
            h.Property(x => x.VillageCode).HasMaxLength(12);
            h.Property(x => x.HeadName).HasMaxLength(50);
        });
        modelBuilder.Entity<CadreRecord>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Name).HasMaxLength(50);
            c.Property(x => x.Rank).HasMaxLength(20);
            c.Property(x => x.RegionCode).HasMaxLength(12);
            c.Property(x => x.UserId).HasMaxLength(100);
        });
        modelBuilder.Entity<PairingRecord>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Kind).HasMaxLength(20);
            p.Property(x => x.VillageCode).HasMaxLength(12);
            // Recording a visit reads the pairings of the cadres named.
            p.HasIndex(x => x.CadreId);
            p.HasIndex(x => x.HouseholdId);
        });
        ConfigureVisits(modelBuilder);
    }

    private static void ConfigureVisits(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Visit>(v =>
        {
            v.HasKey(x => x.Id);
            v.Property(x => x.Id).ValueGeneratedNever();
            v.Property(x => x.ClientId).HasMaxLength(VisitValidation.MaxClientId);
            v.Property(x => x.RecordedBy).HasMaxLength(100);
            // The client id is the user's own: a replay finds the visit, two users' ids never collide.
            v.HasIndex(x => new { x.RecordedBy, x.ClientId }).IsUnique();
            v.Property(x => x.Mode).HasConversion<string>().HasMaxLength(20);
            v.ComplexProperty(x => x.Place);
            v.Property(x => x.Notes).HasMaxLength(VisitValidation.MaxNotes);
            v.Property(x => x.AidGoods).HasColumnType("jsonb").HasConversion(
                g => JsonSerializer.Serialize(g, JsonSerializerOptions.Web),
                g => JsonSerializer.Deserialize<List<AidGoods>>(g, JsonSerializerOptions.Web) ?? new List<AidGoods>(),
                new ValueComparer<List<AidGoods>>((a, b) => a!.SequenceEqual(b!), g => g.Count, g => g.ToList()));
            v.HasMany(x => x.Households).WithOne().HasForeignKey(h => h.VisitId);
            v.HasMany(x => x.Cadres).WithOne().HasForeignKey(c => c.VisitId);
            v.HasIndex(x => x.VisitedAt);
        });
        modelBuilder.Entity<VisitHousehold>(h =>
        {
            h.ToTable("visit_households");
            h.HasKey(x => new { x.VisitId, x.HouseholdId });
            h.Property(x => x.VillageCode).HasMaxLength(12);
            h.HasIndex(x => x.HouseholdId);
            // Region scope and the village filter match village codes by prefix.
            h.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
        });
        modelBuilder.Entity<VisitCadre>(c =>
        {
            c.ToTable("visit_cadres");
            c.HasKey(x => new { x.VisitId, x.CadreId });
            c.HasIndex(x => x.CadreId);
        });
    }
}
