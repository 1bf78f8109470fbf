namespace MassWork.Visits.Photos;

/// <summary>A visit's photos, for whoever sees the visit: a caller covering one of its households.</summary>
public sealed class VisitPhotoReader(VisitsDbContext db)
{
    /// <summary>Null when the visit is not in the caller's region.</summary>
    public async Task<VisitPhotoList?> ListAsync(Guid visitId, string regionPrefix, CancellationToken cancellationToken)
    {
        if (!await VisitInRegion(visitId, regionPrefix).AnyAsync(cancellationToken))
        {
            return null;
        }

        var photos = await db.VisitPhotos.AsNoTracking().Where(p => p.VisitId == visitId).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return new VisitPhotoList(visitId, photos.Count, photos.Count(p => p.Flagged), [.. photos.Select(VisitPhotoView.Of)]);
    }

    public Task<VisitPhoto?> FindAsync(Guid visitId, Guid photoId, string regionPrefix, CancellationToken cancellationToken) =>
        db.VisitPhotos.AsNoTracking()
            .Where(p => p.Id == photoId && p.VisitId == visitId && VisitInRegion(visitId, regionPrefix).Any())
            .SingleOrDefaultAsync(cancellationToken);

    private IQueryable<Guid> VisitInRegion(Guid visitId, string regionPrefix) =>
        db.VisitHouseholds.Where(h => h.VisitId == visitId && h.VillageCode.StartsWith(regionPrefix)).Select(h => h.VisitId);
}
