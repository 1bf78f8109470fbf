namespace MassWork.Visits.Records;

/// <summary>
/// Where a visit took place, as the phone's GPS gave it (WGS-84 degrees), with the accuracy the
/// phone reported in metres; photos' EXIF positions are compared with it.
/// </summary>
public sealed record VisitPlace(double Latitude, double Longitude, double AccuracyMetres);
