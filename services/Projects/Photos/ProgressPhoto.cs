using MassWork.Blobs.Photos;
using MassWork.Projects.Projects;

namespace MassWork.Projects.Photos;

/// <summary>
/// A photo of the works (现场照片) on a project, optionally of one milestone. Kept as taken.
/// </summary>
public sealed class ProgressPhoto : StoredPhoto
{
    private ProgressPhoto()
    {
    }

    private ProgressPhoto(StagedPhoto photo, Guid projectId, Guid? milestoneId, string uploadedBy, DateTimeOffset now)
        : base(photo, uploadedBy, now)
    {
        ProjectId = projectId;
        MilestoneId = milestoneId;
    }

    public Guid ProjectId { get; private set; }

    public Guid? MilestoneId { get; private set; }

    /// <summary>Photos show the site from approval (现场原貌) through the works to acceptance (验收).</summary>
    public static bool Open(ProjectStage stage) => stage is ProjectStage.Approved or ProjectStage.UnderWay or ProjectStage.Accepted;

    public static ProgressPhoto Take(StagedPhoto photo, Guid projectId, Guid? milestoneId, string uploadedBy, DateTimeOffset now) =>
        new(photo, projectId, milestoneId, uploadedBy, now);
}
