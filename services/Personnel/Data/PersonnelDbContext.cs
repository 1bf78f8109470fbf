using System.Text.Json;
using MassWork.Personnel.Attendance;
using MassWork.Personnel.Cadres;
using MassWork.Personnel.Households;
using MassWork.Personnel.Imports;
using MassWork.Personnel.NoticeBoard;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;
using MassWork.Personnel.Registers;
using MassWork.Personnel.Teams;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Personnel.Data;

public sealed class PersonnelDbContext(DbContextOptions<PersonnelDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<RegionUnit> RegionUnits => Set<RegionUnit>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();

    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportError> ImportErrors => Set<ImportError>();

    public DbSet<DispatchingUnit> DispatchingUnits => Set<DispatchingUnit>();

    public DbSet<Cadre> Cadres => Set<Cadre>();

    public DbSet<WorkTeam> WorkTeams => Set<WorkTeam>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<RegisterChange> RegisterChanges => Set<RegisterChange>();

    public DbSet<TownOfficials> TownOfficials => Set<TownOfficials>();

    public DbSet<CoveragePolicy> CoveragePolicies => Set<CoveragePolicy>();

    public DbSet<Pairing> Pairings => Set<Pairing>();

    public DbSet<AssignmentProposal> AssignmentProposals => Set<AssignmentProposal>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<LeaveRequest> LeaveRequests => Set<LeaveRequest>();

    public DbSet<LeaveDecision> LeaveDecisions => Set<LeaveDecision>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<VillageProblem> VillageProblems => Set<VillageProblem>();

    public DbSet<VillageProject> VillageProjects => Set<VillageProject>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        ConfigurePlaces(modelBuilder);
        ConfigureHouseholds(modelBuilder);
        ConfigureImports(modelBuilder);
        ConfigureCadres(modelBuilder);
        modelBuilder.ApplyConfiguration(new RegisterChangeConfiguration());
        ConfigurePairings(modelBuilder);
        ConfigureAttendance(modelBuilder);
    }

    private static void ConfigurePlaces(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Region>(r =>
        {
            r.HasKey(x => x.Code);
            r.Property(x => x.Code).HasMaxLength(12);
            r.Property(x => x.Name).HasMaxLength(100);
            r.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
            r.Property(x => x.ParentCode).HasMaxLength(12);
            r.HasIndex(x => x.ParentCode);
            r.HasIndex(x => x.Code).HasOperators("varchar_pattern_ops").HasDatabaseName("ix_regions_code_prefix");
        });

        modelBuilder.Entity<RegionUnit>(u =>
        {
            u.HasKey(x => x.Id);
            u.Property(x => x.VillageCode).HasMaxLength(12);
            u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
            u.Property(x => x.Name).HasMaxLength(50);
            u.HasIndex(x => new { x.VillageCode, x.Kind, x.Name }).IsUnique();
        });
    }

    private static void ConfigureHouseholds(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Household>(h =>
        {
            h.HasKey(x => x.Id);
            h.Property(x => x.HouseholdNumber).HasMaxLength(HouseholdValidation.MaxHouseholdNumberLength);
            h.HasIndex(x => x.HouseholdNumber).IsUnique();
            h.Property(x => x.VillageCode).HasMaxLength(12);
            // Region-scoped reads filter by code prefix (LIKE 'prefix%'); pattern ops let the index serve them.
            h.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
            h.Property(x => x.Address).HasMaxLength(HouseholdValidation.MaxAddressLength);
            h.Property(x => x.HeadName).HasMaxLength(HouseholdValidation.MaxNameLength);
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
        });

        modelBuilder.Entity<HouseholdMember>(m =>
        {
            m.HasKey(x => x.Id);
            // Ids are made in code; a new member found through Household.Members is then an insert.
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Name).HasMaxLength(HouseholdValidation.MaxNameLength);
            m.HasIndex(x => new { x.HouseholdId, x.Name }).IsUnique();
            // Members are found by name or its start (B-tree with pattern ops); the head's name also
            // matches anywhere (trigram index on households). A trigram index here cost a sixth of a
            // city-scale import.
            m.HasIndex(x => x.Name).HasOperators("varchar_pattern_ops");
            m.Property(x => x.Relation).HasMaxLength(HouseholdValidation.MaxRelationLength);
            m.Ignore(x => x.IsHead);
            // Exact-match lookups on random keys: hash indexes are smaller and cheaper to insert into than B-trees.
            m.HasIndex(x => x.IdNumberHash).HasMethod("hash");
            m.HasIndex(x => x.PhoneHash).HasMethod("hash");
            m.Property(x => x.IdNumberMasked).HasMaxLength(18);
            m.Property(x => x.PhoneMasked).HasMaxLength(12);
        });

        modelBuilder.Entity<PersonalDataRead>(r =>
        {
            r.HasKey(x => x.Id);
            r.Property(x => x.Id).UseIdentityAlwaysColumn();
            r.Property(x => x.ReadBy).HasMaxLength(100);
            r.Property(x => x.SubjectKind).HasMaxLength(20);
            r.Property(x => x.Purpose).HasMaxLength(200);
            r.HasIndex(x => x.ReadAt);
        });
    }

    private static void ConfigureImports(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ImportJob>(j =>
        {
            j.HasKey(x => x.Id);
            j.Property(x => x.FileName).HasMaxLength(200);
            j.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            j.Property(x => x.Phase).HasMaxLength(20);
            j.Property(x => x.Encoding).HasMaxLength(20);
            j.Property(x => x.RegionPrefix).HasMaxLength(12);
            j.Property(x => x.CreatedBy).HasMaxLength(100);
            j.Property(x => x.IdempotencyKey).HasMaxLength(200);
            j.Property(x => x.Instance).HasMaxLength(200);
            j.HasIndex(x => new { x.CreatedBy, x.IdempotencyKey }).IsUnique().HasFilter("idempotency_key IS NOT NULL");
        });

        modelBuilder.Entity<ImportError>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).UseIdentityAlwaysColumn();
            e.HasIndex(x => new { x.ImportId, x.Line });
            e.Property(x => x.Field).HasMaxLength(30);
            e.Property(x => x.Message).HasMaxLength(500);
        });
    }

    private static void ConfigureCadres(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DispatchingUnit>(u =>
        {
            u.HasKey(x => x.Id);
            u.Property(x => x.Name).HasMaxLength(100);
            u.Property(x => x.RegionCode).HasMaxLength(12);
            u.HasIndex(x => new { x.RegionCode, x.Name }).IsUnique();
            u.Property(x => x.RetireReason).HasMaxLength(200);
            u.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        });

        modelBuilder.Entity<Cadre>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Name).HasMaxLength(HouseholdValidation.MaxNameLength);
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
        });

        modelBuilder.Entity<WorkTeam>(t =>
        {
            t.HasKey(x => x.Id);
            t.Property(x => x.Name).HasMaxLength(100);
            t.Property(x => x.VillageCode).HasMaxLength(12);
            t.HasIndex(x => x.VillageCode).HasOperators("varchar_pattern_ops");
            t.HasOne<DispatchingUnit>().WithMany().HasForeignKey(x => x.UnitId);
            t.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.TeamId);
            t.Property(x => x.RetireReason).HasMaxLength(200);
            t.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
        });

        modelBuilder.Entity<TeamMembership>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            m.Ignore(x => x.PairingKind);
            // A cadre serves in one team at a time.
            m.HasIndex(x => x.CadreId).IsUnique().HasFilter("left_at IS NULL").HasDatabaseName("ix_team_memberships_active_cadre");
            m.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId);
        });

        modelBuilder.Entity<TownOfficials>(o =>
        {
            o.HasKey(x => x.TownCode);
            o.Property(x => x.TownCode).HasMaxLength(12);
        });
    }

    private static void ConfigurePairings(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CoveragePolicy>(p =>
        {
            p.HasKey(x => x.CityCode);
            p.Property(x => x.CityCode).HasMaxLength(4);
            p.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.PresencePeriod).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.CheckInRadiusMeters).HasDefaultValue(CoveragePolicy.DefaultCheckInRadiusMeters);
            p.Property(x => x.UpdatedBy).HasMaxLength(100);
        });

        modelBuilder.Entity<Pairing>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.VillageCode).HasMaxLength(12);
            p.Property(x => x.StartedBy).HasMaxLength(100);
            p.Property(x => x.EndedBy).HasMaxLength(100);
            p.Property(x => x.EndReason).HasMaxLength(200);
            p.Ignore(x => x.IsActive);
            // One active pairing of each kind per household; history rows have ended_at set.
            p.HasIndex(x => new { x.HouseholdId, x.Kind }).IsUnique().HasFilter("ended_at IS NULL").HasDatabaseName("ix_pairings_active_household_kind");
            p.HasIndex(x => x.CadreId).HasFilter("ended_at IS NULL").HasDatabaseName("ix_pairings_active_cadre");
            p.HasIndex(x => new { x.VillageCode, x.HouseholdId, x.Kind }).HasFilter("ended_at IS NULL")
                .HasOperators("varchar_pattern_ops").HasDatabaseName("ix_pairings_active_village");
            p.HasIndex(x => x.HouseholdId).HasDatabaseName("ix_pairings_household_history");
            p.HasOne<Cadre>().WithMany().HasForeignKey(x => x.CadreId);
            p.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId);
        });

        modelBuilder.Entity<AssignmentProposal>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.RegionCode).HasMaxLength(12);
            a.Property(x => x.Mode).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.CreatedBy).HasMaxLength(100);
            a.Property(x => x.DecidedBy).HasMaxLength(100);
            a.Property(x => x.Items).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ProposedPairing>>(v, JsonSerializerOptions.Web) ?? new List<ProposedPairing>(),
                new ValueComparer<List<ProposedPairing>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        });
    }

    private static void ConfigureAttendance(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<CheckIn>(c =>
        {
            c.HasKey(x => new { x.CadreId, x.Day });
            c.HasIndex(x => new { x.TeamId, x.Day });
            c.Property(x => x.Note).HasMaxLength(200);
        });

        modelBuilder.Entity<LeaveRequest>(l =>
        {
            l.HasKey(x => x.Id);
            l.Property(x => x.TownCode).HasMaxLength(12);
            l.Property(x => x.Reason).HasMaxLength(500);
            l.Property(x => x.Status).HasConversion<string>().HasMaxLength(10);
            l.PrimitiveCollection(x => x.Steps).ElementType().HasConversion<string>();
            l.Ignore(x => x.CurrentStep);
            l.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
            l.HasIndex(x => new { x.CadreId, x.FirstDay });
            l.HasMany(x => x.Decisions).WithOne().HasForeignKey(d => d.LeaveId);
        });

        modelBuilder.Entity<LeaveDecision>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.Step).HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.DecidedBy).HasMaxLength(100);
            d.Property(x => x.Comment).HasMaxLength(500);
        });

        modelBuilder.Entity<VillageProblem>(p =>
        {
            p.HasKey(x => x.CaseId);
            p.Property(x => x.CaseId).ValueGeneratedNever();
            p.Property(x => x.CaseNumber).HasMaxLength(40);
            p.Property(x => x.RegionCode).HasMaxLength(12);
            p.Property(x => x.Category).HasMaxLength(60);
            p.Property(x => x.Outcome).HasMaxLength(20);
            p.HasIndex(x => new { x.RegionCode, x.RaisedAt });
        });
        modelBuilder.Entity<VillageProject>(p =>
        {
            p.HasKey(x => x.ProjectId);
            p.Property(x => x.ProjectId).ValueGeneratedNever();
            p.Property(x => x.RegionCode).HasMaxLength(12);
            p.Property(x => x.Title).HasMaxLength(200);
            p.Property(x => x.Category).HasMaxLength(20);
            p.Property(x => x.Sources).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ProjectSourceLine>>(v, JsonSerializerOptions.Web) ?? new List<ProjectSourceLine>(),
                new ValueComparer<List<ProjectSourceLine>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
            p.Property(x => x.Payees).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<ProjectPayeeLine>>(v, JsonSerializerOptions.Web) ?? new List<ProjectPayeeLine>(),
                new ValueComparer<List<ProjectPayeeLine>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
            // The board reads a village's projects still on notice.
            p.HasIndex(x => new { x.RegionCode, x.OnNoticeUntil });
        });
        modelBuilder.Entity<Commitment>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Text).HasMaxLength(500);
            c.Property(x => x.CreatedBy).HasMaxLength(100);
            c.HasIndex(x => x.TeamId);
        });
    }
}
