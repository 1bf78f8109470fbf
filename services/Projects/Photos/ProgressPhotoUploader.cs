using MassWork.Blobs;
using MassWork.Blobs.Photos;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Photos;

/// <summary>The photos an upload answered with (AnyNew when at least one was not on the project before), or why it was refused.</summary>
public sealed record ProgressPhotoOutcome(IReadOnlyList<ProgressPhoto> Photos, bool AnyNew, ProblemHttpResult? Refused);

/// <summary>
/// Takes progress photos of a project in the caller's region, by those who run the works, in a
/// stage that has works to show; checked by <see cref="PhotoIntake"/> as visits' photos are, stored
/// in the blob store before their records. A photo already on the project is answered as stored.
/// </summary>
public sealed class ProgressPhotoUploader(ProjectsDbContext db, IBlobStore blobs, PhotoIntake intake, TimeProvider time)
{
    public async Task<ProgressPhotoOutcome> UploadAsync(Guid projectId, Guid? milestoneId, HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        intake.Expect(request);
        var project = await db.Projects.AsNoTracking().Include(p => p.Milestones).SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null || !caller.Covers(project.RegionCode))
        {
            return Refused(Problems.NotFound($"Project {projectId}"));
        }

        if (!caller.Can(Permissions.ManageProjects))
        {
            return Refused(Problems.Forbidden($"Progress photos are taken by {string.Join(" or ", Permissions.RolesFor(Permissions.ManageProjects))} over the project's region."));
        }

        if (!ProgressPhoto.Open(project.Stage))
        {
            return Refused(Problems.Conflict("Not allowed in the project's stage",
                $"Progress photos are taken while a project is Approved, UnderWay or Accepted; it is {project.Stage}."));
        }

        if (milestoneId is { } milestone && project.Milestones.All(m => m.Id != milestone))
        {
            return Refused(Problems.NotFound($"milestone: Milestone {milestone} of project {projectId}"));
        }

        using var batch = await intake.ReadAsync(request, cancellationToken);
        if (batch.Refusal is { } refusal)
        {
            return Refused(refusal.ToProblem());
        }

        var distinct = await batch.StoreAsync(blobs, cancellationToken);
        var now = time.GetUtcNow();
        var taken = new Dictionary<string, ProgressPhoto>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var photo in distinct)
        {
            await AdvisoryLock.WaitAsync(db, projectId + "|" + photo.Sha256, cancellationToken);
            taken[photo.Sha256] = await db.ProgressPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.ProjectId == projectId && p.Sha256 == photo.Sha256, cancellationToken)
                ?? db.ProgressPhotos.Add(ProgressPhoto.Take(photo, projectId, milestoneId, caller.UserId, now)).Entity;
        }

        var anyNew = db.ChangeTracker.Entries<ProgressPhoto>().Any();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ProgressPhotoOutcome([.. batch.Photos.Select(p => taken[p.Sha256]).Distinct()], anyNew, null);
    }

    private static ProgressPhotoOutcome Refused(ProblemHttpResult problem) => new([], false, problem);
}
