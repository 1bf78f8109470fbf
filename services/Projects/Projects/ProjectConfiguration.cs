using MassWork.Projects.Approval;

namespace MassWork.Projects.Projects;

internal sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> p)
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
        ProjectsDbContext.Json(p.Property(x => x.ApprovalChain));
        ProjectsDbContext.Json(p.Property(x => x.Funding));
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
    }
}
