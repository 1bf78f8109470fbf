using MassWork.Blobs.Photos;
using MassWork.Visits.Records;

namespace MassWork.Visits.Photos;

/// <summary>
/// A photo given as proof of a visit, and how it compares with the visit (<see cref="Flags"/>).
/// Kept as taken; never changed or removed.
/// </summary>
public sealed class VisitPhoto : StoredPhoto
{
    private VisitPhoto()
    {
    }

    private VisitPhoto(StagedPhoto photo, Guid visitId, string uploadedBy, DateTimeOffset now)
        : base(photo, uploadedBy, now)
    {
        VisitId = visitId;
    }

    public Guid VisitId { get; private set; }

    /// <summary>Metres from the visit's place, when both are known.</summary>
    public double? DistanceMetres { get; private set; }

    /// <summary>The <see cref="PhotoFlag"/> names that apply, in their order.</summary>
    public string[] Flags { get; private set; } = [];

    /// <summary>Kept by the database as <c>cardinality(flags) &gt; 0</c>, indexed: figures count flagged photos by it.</summary>
    public bool Flagged { get; private set; }

    /// <summary>For a reused photo: the visit it was first given for.</summary>
    public Guid? ReusedFromVisitId { get; private set; }

    /// <param name="firstVisitId">The other visit the same bytes were given for first, if any.</param>
    public static VisitPhoto Take(StagedPhoto photo, Visit visit, Guid? firstVisitId, VisitPhotoOptions tolerances, string uploadedBy, DateTimeOffset now)
    {
        var flags = PhotoChecks.Flags(photo.Facts, visit.VisitedAt, visit.Place, tolerances, reused: firstVisitId is not null);
        return new VisitPhoto(photo, visit.Id, uploadedBy, now)
        {
            DistanceMetres = PhotoChecks.Distance(photo.Facts, visit.Place) is { } metres ? Math.Round(metres, 1) : null,
            Flags = [.. flags.Select(f => f.ToString())],
            Flagged = flags.Count > 0,
            ReusedFromVisitId = firstVisitId,
        };
    }
}
