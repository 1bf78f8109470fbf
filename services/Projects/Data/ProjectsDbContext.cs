using System.Text.Json;
using System.Text.Json.Serialization;
using MassWork.Blobs;
using MassWork.Blobs.Photos;
using MassWork.Projects.Approval;
using MassWork.Projects.Funding;
using MassWork.Projects.Ledger;
using MassWork.Projects.Milestones;
using MassWork.Projects.Photos;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MassWork.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectApproval> Approvals => Set<ProjectApproval>();

    public DbSet<ProjectStep> ProjectSteps => Set<ProjectStep>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<MilestoneUpdate> MilestoneUpdates => Set<MilestoneUpdate>();

    public DbSet<ProgressPhoto> ProgressPhotos => Set<ProgressPhoto>();

    public DbSet<ApprovalPolicyRecord> ApprovalPolicies => Set<ApprovalPolicyRecord>();

    public DbSet<PooledFund> PooledFunds => Set<PooledFund>();

    public DbSet<FundDeposit> FundDeposits => Set<FundDeposit>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<SourceBalance> SourceBalances => Set<SourceBalance>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Project>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.Property(x => x.Title).HasMaxLength(200);
            p.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.RegionCode).HasMaxLength(12);
            p.Property(x => x.Proposer).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Stage).HasConversion<string>().HasMaxLength(20);
            p.Property(x => x.Reason).HasMaxLength(500);
            p.Property(x => x.ProposedBy).HasMaxLength(100);
            Json(p.Property(x => x.ApprovalChain));
            Json(p.Property(x => x.Funding));
            p.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
            p.Ignore(x => x.NextApproval);
            p.Ignore(x => x.VillagersContribute);
            p.Ignore(x => x.ProgressPercent);
            p.HasMany(x => x.Milestones).WithOne().HasForeignKey(m => m.ProjectId);
            p.HasMany(x => x.Approvals).WithOne().HasForeignKey(a => a.ProjectId);
            p.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.ProjectId);
            // Lists filter by region prefix, newest first.
            p.HasIndex(x => new { x.RegionCode, x.ProposedAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops").HasDatabaseName("ix_projects_region_proposed");
            p.HasIndex(x => x.LinkedDemandIds).HasMethod("gin");
        });
        modelBuilder.Entity<ProjectApproval>(a =>
        {
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
            a.Property(x => x.UserId).HasMaxLength(100);
            a.Property(x => x.RegionPrefix).HasMaxLength(12);
            a.HasIndex(x => new { x.ProjectId, x.Order }).IsUnique();
        });
        modelBuilder.Entity<ProjectStep>(s =>
        {
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.Property(x => x.Action).HasMaxLength(40);
            s.Property(x => x.FromStage).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.ToStage).HasConversion<string>().HasMaxLength(20);
            s.Property(x => x.ActorUserId).HasMaxLength(100);
            s.Property(x => x.Note).HasMaxLength(1000);
            s.HasIndex(x => x.ProjectId);
        });
        modelBuilder.Entity<Milestone>(m =>
        {
            m.HasKey(x => x.Id);
            m.Property(x => x.Id).ValueGeneratedNever();
            m.Property(x => x.Name).HasMaxLength(100);
            m.Property(x => x.CreatedBy).HasMaxLength(100);
            m.HasMany(x => x.Updates).WithOne().HasForeignKey(u => u.MilestoneId);
            m.HasIndex(x => new { x.ProjectId, x.Name }).IsUnique();
            m.ToTable(t =>
            {
                t.HasCheckConstraint("ck_milestones_weight_positive", "weight > 0");
                t.HasCheckConstraint("ck_milestones_progress_percent", "progress_percent BETWEEN 0 AND 100");
            });
        });
        modelBuilder.Entity<MilestoneUpdate>(u =>
        {
            u.HasKey(x => x.Id);
            u.Property(x => x.Id).ValueGeneratedNever();
            u.Property(x => x.Note).HasMaxLength(500);
            u.Property(x => x.UpdatedBy).HasMaxLength(100);
            u.HasIndex(x => x.MilestoneId);
            u.ToTable(t => t.HasCheckConstraint("ck_milestone_updates_percent", "percent BETWEEN 0 AND 100"));
        });
        modelBuilder.Entity<ProgressPhoto>(p =>
        {
            p.HasKey(x => x.Id);
            p.Property(x => x.Id).ValueGeneratedNever();
            p.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            p.HasOne<Milestone>().WithMany().HasForeignKey(x => x.MilestoneId);
            p.Property(x => x.Sha256).HasMaxLength(ContentHash.Length).IsFixedLength();
            p.Property(x => x.Format).HasConversion<string>().HasMaxLength(10);
            p.Property(x => x.FileName).HasMaxLength(PhotoIntake.MaxFileName);
            p.Property(x => x.UploadedBy).HasMaxLength(100);
            // A photo is on a project once.
            p.HasIndex(x => new { x.ProjectId, x.Sha256 }).IsUnique();
            p.HasIndex(x => x.MilestoneId).HasFilter("milestone_id IS NOT NULL");
        });
        modelBuilder.Entity<ApprovalPolicyRecord>(r =>
        {
            r.HasKey(x => x.CityCode);
            r.Property(x => x.CityCode).HasMaxLength(4);
            Json(r.Property(x => x.Policy));
            r.Property(x => x.UpdatedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<PooledFund>(f =>
        {
            f.HasKey(x => x.Id);
            f.Property(x => x.Id).ValueGeneratedNever();
            f.Property(x => x.Name).HasMaxLength(100);
            f.Property(x => x.RegionCode).HasMaxLength(6);
            f.Property(x => x.CreatedBy).HasMaxLength(100);
            f.Ignore(x => x.AvailableFen);
            f.HasIndex(x => x.RegionCode);
            f.ToTable(t => t.HasCheckConstraint("ck_pooled_funds_within_deposits", "allocated_fen >= 0 AND allocated_fen <= deposited_fen"));
        });
        modelBuilder.Entity<FundDeposit>(d =>
        {
            d.HasKey(x => x.Id);
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.UnitName).HasMaxLength(100);
            d.Property(x => x.RecordedBy).HasMaxLength(100);
            d.HasOne<PooledFund>().WithMany().HasForeignKey(x => x.FundId);
            d.HasIndex(x => x.FundId);
            d.ToTable(t => t.HasCheckConstraint("ck_fund_deposits_positive", "amount_fen > 0"));
        });
        modelBuilder.HasSequence<long>("ledger_entry_seq");
        modelBuilder.Entity<LedgerEntry>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Sequence).HasDefaultValueSql("nextval('ledger_entry_seq')").ValueGeneratedOnAdd();
            e.Property(x => x.RegionCode).HasMaxLength(12);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Payee).HasMaxLength(100);
            e.Property(x => x.Note).HasMaxLength(500);
            e.Property(x => x.RecordedBy).HasMaxLength(100);
            e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            e.HasOne<PooledFund>().WithMany().HasForeignKey(x => x.FundId);
            // An entry is reversed at most once, even by two reversals racing.
            e.HasIndex(x => x.ReversesEntryId).IsUnique().HasFilter("reverses_entry_id IS NOT NULL");
            e.HasIndex(x => new { x.ProjectId, x.Sequence });
            e.HasIndex(x => new { x.FundId, x.Sequence }).HasFilter("fund_id IS NOT NULL");
            e.ToTable(t => t.HasCheckConstraint("ck_ledger_entries_positive", "amount_fen > 0"));
        });
        modelBuilder.Entity<SourceBalance>(b =>
        {
            b.HasKey(x => new { x.ProjectId, x.Source });
            b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
            b.Ignore(x => x.Totals);
            b.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
            // The last line of defence behind the row lock and Balances.
            b.ToTable(t => t.HasCheckConstraint("ck_source_balances_invariants", "paid_fen >= 0 AND paid_fen <= allocated_fen AND allocated_fen <= budget_fen"));
        });
    }

    /// <summary>Enums by name, so the stored JSON reads without the code.</summary>
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    private static void Json<T>(PropertyBuilder<T> property)
        where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonOptions),
            v => JsonSerializer.Deserialize<T>(v, JsonOptions)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, JsonOptions) == JsonSerializer.Serialize(b, JsonOptions),
                v => JsonSerializer.Serialize(v, JsonOptions).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, JsonOptions), JsonOptions)!));
}
