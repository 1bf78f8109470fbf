using System.Text.Json;
using MassWork.Blobs;
using MassWork.Blobs.Photos;
using MassWork.ServiceDefaults.Data;
using MassWork.Visits.Cadres;
using MassWork.Visits.Demands;
using MassWork.Visits.Diary;
using MassWork.Visits.Frequency;
using MassWork.Visits.Households;
using MassWork.Visits.Meetings;
using MassWork.Visits.Pairings;
using MassWork.Visits.Photos;
using MassWork.Visits.Records;
using MassWork.Visits.SpotChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Visits.Data;

/// <summary>
/// The visits service's database: its copy of who should visit whom (households, cadres,
/// pairings, from personnel's events), the visits recorded with the demands raised on them (the
/// village ledger, kept from petitions' events), cadres' diaries, villages' analysis meetings, and
/// each city's visiting frequency with the reminders found against it.
/// </summary>
public sealed class VisitsDbContext(DbContextOptions<VisitsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    public DbSet<CadreRecord> Cadres => Set<CadreRecord>();

    public DbSet<PairingRecord> Pairings => Set<PairingRecord>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitHousehold> VisitHouseholds => Set<VisitHousehold>();

    public DbSet<Demand> Demands => Set<Demand>();

    public DbSet<DiaryEntry> DiaryEntries => Set<DiaryEntry>();

    public DbSet<AnalysisMeeting> AnalysisMeetings => Set<AnalysisMeeting>();

    public DbSet<FrequencyPolicyRecord> FrequencyPolicies => Set<FrequencyPolicyRecord>();

    public DbSet<FrequencyAlert> FrequencyAlerts => Set<FrequencyAlert>();
    public DbSet<VisitPhoto> VisitPhotos => Set<VisitPhoto>();

    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();

    public DbSet<SpotCheckCall> SpotCheckCalls => Set<SpotCheckCall>();

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
            // The villages owing a quarter's meeting are those of a region where pairings were held.
            p.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
        });
        ConfigureVisits(modelBuilder);
        ConfigureDemands(modelBuilder);
        ConfigureFrequency(modelBuilder);
        ConfigurePhotos(modelBuilder);
        ConfigureSpotChecks(modelBuilder);
        modelBuilder.Entity<DiaryEntry>(e =>
        {
            e.ToTable("diary_entries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.RegionCode).HasMaxLength(12);
            e.Property(x => x.Text).HasMaxLength(DiaryRules.MaxText);
            e.Property(x => x.WrittenBy).HasMaxLength(100);
            e.HasIndex(x => new { x.CadreId, x.Day });
            e.HasIndex(x => x.RegionCode).HasOperators("varchar_pattern_ops");
            e.HasIndex(x => x.VisitId).HasFilter("visit_id IS NOT NULL");
        });
    }

    private static void ConfigureFrequency(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AnalysisMeeting>(m =>
        {
            m.ToTable("analysis_meetings");
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.VillageCode).HasMaxLength(12);
            m.Property(x => x.RecordedBy).HasMaxLength(100);
            m.Property(x => x.FollowUps).HasColumnType("jsonb").HasConversion(
                f => JsonSerializer.Serialize(f, JsonSerializerOptions.Web),
                f => JsonSerializer.Deserialize<List<FollowUp>>(f, JsonSerializerOptions.Web) ?? new List<FollowUp>(),
                new ValueComparer<List<FollowUp>>((a, b) => a!.SequenceEqual(b!), f => f.Count, f => f.ToList()));
            // A quarter's meetings of a village, of a region (codes matched by prefix).
            m.HasIndex(x => new { x.VillageCode, x.HeldOn }).HasOperators("varchar_pattern_ops", "date_ops");
        });
        modelBuilder.Entity<FrequencyPolicyRecord>(p =>
        {
            p.ToTable("frequency_policies");
            p.HasKey(x => x.CityCode);
            p.Property(x => x.CityCode).HasMaxLength(4);
            p.Property(x => x.UpdatedBy).HasMaxLength(100);
            p.Property(x => x.Policy).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<FrequencyPolicy>(v, JsonSerializerOptions.Web)!);
        });
        modelBuilder.Entity<FrequencyAlert>(a =>
        {
            a.ToTable("frequency_alerts");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).UseIdentityByDefaultColumn();
            a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.SubjectKey).HasMaxLength(80);
            a.Property(x => x.VillageCode).HasMaxLength(12);
            // Found once per subject, level and period, whichever replica detects it.
            a.HasIndex(x => new { x.Kind, x.Level, x.SubjectKey, x.FirstDay }).IsUnique();
            // The sweeper's queue: only what is still to be announced.
            a.HasIndex(x => x.Id).HasFilter("raised_at IS NULL").HasDatabaseName("ix_frequency_alerts_unraised");
        });
    }

    private static void ConfigureDemands(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Demand>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.ClientId).HasMaxLength(VisitValidation.MaxClientId);
            // A retried demand finds the first; demands sent with their visit may have no client id.
            d.HasIndex(x => new { x.VisitId, x.ClientId }).IsUnique().HasFilter("client_id IS NOT NULL");
            d.Property(x => x.VillageCode).HasMaxLength(12);
            d.Property(x => x.CategoryCode).HasMaxLength(DemandValidation.MaxCategoryCode);
            d.Property(x => x.MatterType).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Content).HasMaxLength(DemandValidation.MaxContent);
            d.Property(x => x.RecordedBy).HasMaxLength(100);
            d.Property(x => x.Status).HasMaxLength(20);
            d.Property(x => x.CaseNumber).HasMaxLength(40);
            d.Property(x => x.Outcome).HasMaxLength(20);
            d.Property(x => x.StatusNote).HasMaxLength(4000);
            // The ledger lists a region's or a village's demands by the day they were raised.
            d.HasIndex(x => new { x.VillageCode, x.RaisedAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
        });
    }

    private static void ConfigureSpotChecks(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SpotCheck>(s =>
        {
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.RegionPrefix).HasMaxLength(12);
            s.Property(x => x.DrawnBy).HasMaxLength(100);
            s.HasMany(x => x.Calls).WithOne().HasForeignKey(c => c.SpotCheckId);
            // The checks of a region, newest first.
            s.HasIndex(x => new { x.RegionPrefix, x.DrawnAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
        });
        modelBuilder.Entity<SpotCheckCall>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.VillageCode).HasMaxLength(12);
            c.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Notes).HasMaxLength(SpotCheckCall.MaxNotes);
            c.Property(x => x.AnsweredBy).HasMaxLength(100);
            c.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
            c.HasIndex(x => new { x.SpotCheckId, x.Position }).IsUnique();
            // A visit shows the failed calls that flag it.
            c.HasIndex(x => x.VisitIds).HasMethod("gin");
            // Figures count a region's calls answered in a period.
            c.HasIndex(x => new { x.VillageCode, x.AnsweredAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops");
        });
    }

    private static void ConfigurePhotos(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<VisitPhoto>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId);
            p.Property(x => x.Sha256).HasMaxLength(ContentHash.Length).IsFixedLength();
            p.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.FileName).HasMaxLength(PhotoIntake.MaxFileName);
            p.Property(x => x.UploadedBy).HasMaxLength(100);
            p.Property(x => x.Flagged).HasComputedColumnSql("cardinality(flags) > 0", stored: true);
            // A photo is on a visit once; the same bytes on another visit are found by hash.
            p.HasIndex(x => new { x.VisitId, x.Sha256 }).IsUnique();
            p.HasIndex(x => x.Sha256);
            // Figures count the flagged photos of a region's visits.
            p.HasIndex(x => x.VisitId, "ix_visit_photos_flagged").HasFilter("flagged");
        });
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
            v.HasMany(x => x.Demands).WithOne().HasForeignKey(d => d.VisitId);
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
            // The contact-card list asks, for each household of a village, whether it was ever handed one.
            h.HasIndex(x => x.HouseholdId, "ix_visit_households_contact_card").HasFilter("contact_card_handed_over");
        });
        modelBuilder.Entity<VisitCadre>(c =>
        {
            c.ToTable("visit_cadres");
            c.HasKey(x => new { x.VisitId, x.CadreId });
            c.HasIndex(x => x.CadreId);
        });
    }
}
