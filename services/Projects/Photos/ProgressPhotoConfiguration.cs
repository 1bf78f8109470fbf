using MassWork.Blobs.Photos;
using MassWork.Projects.Milestones;
using MassWork.Projects.Projects;

namespace MassWork.Projects.Photos;

internal sealed class ProgressPhotoConfiguration : IEntityTypeConfiguration<ProgressPhoto>
{
    public void Configure(EntityTypeBuilder<ProgressPhoto> p)
    {
        p.ConfigureStoredPhoto();
        p.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId);
        p.HasOne<Milestone>().WithMany().HasForeignKey(x => x.MilestoneId);
        // A photo is on a project once.
        p.HasIndex(x => new { x.ProjectId, x.Sha256 }).IsUnique();
        p.HasIndex(x => x.MilestoneId).HasFilter("milestone_id IS NOT NULL");
    }
}
