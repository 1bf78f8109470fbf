using MassWork.Projects.Photos;
using MassWork.Projects.Projects;

namespace MassWork.UnitTests.Projects;

public sealed class ProgressPhotoTests
{
    [Theory]
    [InlineData(ProjectStage.Proposed, false)]
    [InlineData(ProjectStage.Approved, true)]
    [InlineData(ProjectStage.UnderWay, true)]
    [InlineData(ProjectStage.Accepted, true)]
    [InlineData(ProjectStage.Published, false)]
    [InlineData(ProjectStage.Rejected, false)]
    [InlineData(ProjectStage.Cancelled, false)]
    public void Progress_photos_show_the_site_from_approval_to_acceptance(ProjectStage stage, bool open)
    {
        Assert.Equal(open, ProgressPhoto.Open(stage));
    }
}
