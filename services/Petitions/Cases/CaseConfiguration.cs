using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace MassWork.Petitions.Cases;

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> c)
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
        c.Property(x => x.AnsweringDepartment).HasMaxLength(40);
        c.Property(x => x.ExtensionReason).HasMaxLength(500);
        c.Property(x => x.Satisfaction).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.Rating).HasConversion<string>().HasMaxLength(20);
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
    }
}
