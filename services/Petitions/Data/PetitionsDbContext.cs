using System.Text.Json;
using MassWork.Petitions.Cases;
using MassWork.Petitions.Categories;
using MassWork.Petitions.Deadlines;
using MassWork.Petitions.Departments;
using MassWork.Petitions.Households;
using MassWork.Petitions.Open311;
using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Petitions.Data;

public sealed class PetitionsDbContext(DbContextOptions<PetitionsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>("case_number_seq");
        ConfigureCases(modelBuilder);

        modelBuilder.Entity<Category>(c =>
        {
            c.HasKey(x => x.Code);
            c.Property(x => x.Code).HasMaxLength(40);
            c.Property(x => x.Name).HasMaxLength(60);
            c.Property(x => x.Group).HasMaxLength(60);
            c.Property(x => x.Description).HasMaxLength(500);
            c.Property(x => x.WorkOrderClass).HasMaxLength(40);
        });
        modelBuilder.Entity<Department>(d =>
        {
            d.HasKey(x => x.Code);
            d.Property(x => x.Code).HasMaxLength(40);
            d.Property(x => x.Name).HasMaxLength(100);
            d.Property(x => x.RegionCode).HasMaxLength(12);
            d.HasIndex(x => x.StaffUserIds).HasMethod("gin");
        });
        modelBuilder.Entity<HouseholdRecord>(h =>
        {
            h.HasKey(x => x.Id);
            h.Property(x => x.HouseholdNumber).HasMaxLength(40);
            h.Property(x => x.VillageCode).HasMaxLength(12);
            h.Property(x => x.HeadName).HasMaxLength(50);
            h.Property(x => x.Status).HasMaxLength(20);
        });
        modelBuilder.Entity<PolicyRecord>(p =>
        {
            p.HasKey(x => x.CityCode);
            p.Property(x => x.CityCode).HasMaxLength(4);
            p.Property(x => x.Policy).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<PetitionPolicy>(v, JsonSerializerOptions.Web)!);
            p.Property(x => x.UpdatedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<CalendarDay>(d =>
        {
            d.HasKey(x => x.Day);
            d.Property(x => x.Name).HasMaxLength(40);
        });
        modelBuilder.Entity<Open311Client>(o =>
        {
            o.HasKey(x => x.Id);
            o.Property(x => x.Name).HasMaxLength(100);
            o.Property(x => x.RegionPrefix).HasMaxLength(12);
            o.HasIndex(x => x.KeyHash).IsUnique();
        });
    }

    private static void ConfigureCases(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Case>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Number).HasMaxLength(40);
            c.HasIndex(x => x.Number).IsUnique();
            c.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.MatterType).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.CategoryCode).HasMaxLength(40);
            c.Property(x => x.WorkOrderClass).HasMaxLength(40);
            c.Property(x => x.RegionCode).HasMaxLength(12);
            c.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
            c.Property(x => x.PetitionerName).HasMaxLength(50);
            c.Property(x => x.PetitionerPhoneMasked).HasMaxLength(20);
            c.Property(x => x.MandateReference).HasMaxLength(100);
            c.Property(x => x.Content).HasMaxLength(4000);
            c.Property(x => x.Attachments).HasColumnType("jsonb").HasConversion(
                v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
                v => JsonSerializer.Deserialize<List<Attachment>>(v, JsonSerializerOptions.Web) ?? new List<Attachment>(),
                new ValueComparer<List<Attachment>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
            c.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.NotAcceptedReason).HasMaxLength(500);
            c.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.Opinion).HasMaxLength(4000);
            c.Property(x => x.AnsweredBy).HasMaxLength(100);
            c.Property(x => x.ExtensionReason).HasMaxLength(500);
            c.Property(x => x.Satisfaction).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.ReviewStage).HasConversion<string>().HasMaxLength(10);
            c.Property(x => x.ReviewedBy).HasMaxLength(12);
            c.Property(x => x.MediationStep).HasConversion<string>().HasMaxLength(20);
            c.Property(x => x.SettledLevel).HasConversion<string>().HasMaxLength(10);
            c.Property(x => x.Mediator).HasMaxLength(50);
            c.Property(x => x.MediationAgreement).HasMaxLength(1000);
            c.Property(x => x.RegisteredBy).HasMaxLength(100);
            c.Property(x => x.Version).IsRowVersion().HasColumnName("xmin");
            c.ComplexProperty(x => x.Holder, h =>
            {
                h.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
                h.Property(x => x.Code).HasMaxLength(40);
                h.Property(x => x.Name).HasMaxLength(100);
            });
            c.ComplexProperty(x => x.EscalatedFrom, h =>
            {
                h.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
                h.Property(x => x.Code).HasMaxLength(40);
                h.Property(x => x.Name).HasMaxLength(100);
            });
            c.ComplexProperty(x => x.Ownership, o =>
            {
                o.Property(x => x.LeadLeader).HasMaxLength(50);
                o.Property(x => x.ResponsibleOffice).HasMaxLength(100);
                o.Property(x => x.HandlerUserId).HasMaxLength(100);
                o.Property(x => x.HandlerName).HasMaxLength(50);
                o.Property(x => x.RevisitTarget).HasMaxLength(100);
            });
            c.HasMany(x => x.Deadlines).WithOne().HasForeignKey(d => d.CaseId);
            c.HasMany(x => x.Steps).WithOne().HasForeignKey(s => s.CaseId);

            // Figures and the ledger filter by region prefix and intake date.
            c.HasIndex(x => new { x.RegionCode, x.RegisteredAt }).HasOperators("varchar_pattern_ops", "timestamptz_ops").HasDatabaseName("ix_cases_region_registered");
            c.HasIndex(x => new { x.HouseholdId, x.CategoryCode }).HasFilter("household_id IS NOT NULL");
            c.HasIndex(x => new { x.PetitionerPhoneHash, x.CategoryCode }).HasFilter("petitioner_phone_hash IS NOT NULL");
            c.HasIndex(x => x.Status);
            // One case per demand raised on a visit, however often the demand is delivered.
            c.HasIndex(x => x.SourceDemandId).IsUnique().HasFilter("source_demand_id IS NOT NULL");
        });
        modelBuilder.Entity<CaseDeadline>(d =>
        {
            d.HasKey(x => x.Id);
            // Ids are set by the domain; a deadline added to a loaded case is an insert, not an update.
            d.Property(x => x.Id).ValueGeneratedNever();
            d.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            d.HasIndex(x => x.CaseId);
            // The sweeper's two questions, each answered from a small partial index.
            d.HasIndex(x => x.WarnAt).HasFilter("met_at IS NULL AND cancelled_at IS NULL AND approaching_raised_at IS NULL").HasDatabaseName("ix_case_deadlines_to_warn");
            d.HasIndex(x => x.DueAt).HasFilter("met_at IS NULL AND cancelled_at IS NULL AND missed_raised_at IS NULL").HasDatabaseName("ix_case_deadlines_to_miss");
        });
        modelBuilder.Entity<CaseStep>(s =>
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
        });
    }
}
