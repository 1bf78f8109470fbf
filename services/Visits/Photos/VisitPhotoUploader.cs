using MassWork.Blobs;
using MassWork.Blobs.Photos;
using MassWork.Visits.Records;
using Microsoft.Extensions.Options;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Photos;

/// <summary>The photos an upload answered with (AnyNew when at least one was not on the visit before), or why it was refused.</summary>
public sealed record PhotoUploadOutcome(IReadOnlyList<VisitPhoto> Photos, bool AnyNew, ProblemHttpResult? Refused);

/// <summary>
/// Takes photos as proof of a visit: the visit within the caller's region (a work team member's
/// own visits only), then the photos checked by <see cref="PhotoIntake"/>, stored in the blob
/// store, and recorded with their flags in one transaction. Under a lock on each photo's hash, a
/// photo already on the visit is answered as it was (sending it again stores nothing), and one
/// already given for another visit is flagged as reused — two visits racing with the same photo
/// cannot both be first. The files go to the store before the records: a record always has its file.
/// </summary>
public sealed class VisitPhotoUploader(VisitsDbContext db, IBlobStore blobs, PhotoIntake intake, IOptions<VisitPhotoOptions> options, TimeProvider time)
{
    public async Task<PhotoUploadOutcome> UploadAsync(Guid visitId, HttpRequest request, Caller caller, CancellationToken cancellationToken)
    {
        intake.Expect(request);
        var visit = await db.Visits.AsNoTracking().Include(v => v.Cadres)
            .Where(v => v.Households.Any(h => h.VillageCode.StartsWith(caller.RegionPrefix)))
            .SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        if (visit is null)
        {
            return Refused(Problems.NotFound($"Visit {visitId}"));
        }

        if (VisitScope.ActsAsCadre(caller))
        {
            var cadreIds = visit.Cadres.Select(c => c.CadreId).ToList();
            if (!await db.Cadres.AnyAsync(c => cadreIds.Contains(c.Id) && c.UserId == caller.UserId, cancellationToken))
            {
                return Refused(Problems.Forbidden(
                    $"visitId: a work team member adds photos to their own visits, and none of the visit's cadres is linked to your login {caller.UserId}."));
            }
        }

        using var batch = await intake.ReadAsync(request, cancellationToken);
        if (batch.Refusal is { } refusal)
        {
            return Refused(refusal.ToProblem());
        }

        var distinct = await batch.StoreAsync(blobs, cancellationToken);
        var now = time.GetUtcNow();
        var taken = new Dictionary<string, VisitPhoto>();
        var anyNew = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var photo in distinct)
        {
            await AdvisoryLock.WaitAsync(db, "visit-photo|" + photo.Sha256, cancellationToken);
            if (await db.VisitPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.VisitId == visitId && p.Sha256 == photo.Sha256, cancellationToken) is { } onThisVisit)
            {
                taken[photo.Sha256] = onThisVisit;
                continue;
            }

            var firstVisitId = await db.VisitPhotos.AsNoTracking().Where(p => p.Sha256 == photo.Sha256)
                .OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).Select(p => (Guid?)p.VisitId).FirstOrDefaultAsync(cancellationToken);
            var added = VisitPhoto.Take(photo, visit, firstVisitId, options.Value, caller.UserId, now);
            db.VisitPhotos.Add(added);
            taken[photo.Sha256] = added;
            anyNew = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new PhotoUploadOutcome([.. batch.Photos.Select(p => taken[p.Sha256]).Distinct()], anyNew, null);
    }

    private static PhotoUploadOutcome Refused(ProblemHttpResult problem) => new([], false, problem);
}
