namespace MassWork.Blobs.Photos;

/// <summary>
/// What a photo says about itself: its size in pixels, and from EXIF when the camera wrote them,
/// when it was taken (UTC) and where.
/// </summary>
public sealed record PhotoFacts(int Width, int Height, DateTimeOffset? CapturedAt, GeoPoint? Location);
