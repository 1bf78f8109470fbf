using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Attendance;

/// <summary>A check-in's note and the phone's position; the position is optional, but whole when given.</summary>
public sealed class CheckInValidator : RequestValidator<CheckInRequest>
{
    public CheckInValidator()
    {
        RuleFor(x => x.Note).Must(note => note is null || note.Length <= 200).WithMessage("At most 200 characters.");
        RuleFor(x => x.Latitude).Problem((x, latitude) => GeoPoint.LatitudeProblem(latitude, x.Longitude));
        RuleFor(x => x.Longitude).Problem((x, longitude) => GeoPoint.LongitudeProblem(x.Latitude, longitude));
        RuleFor(x => x.AccuracyMeters)
            .Must((x, accuracy) => accuracy is null
                || (GeoPoint.From(x.Latitude, x.Longitude) is not null && accuracy is >= 0 and <= CheckInPlace.MaxAccuracyMeters))
            .WithMessage($"Metres between 0 and {CheckInPlace.MaxAccuracyMeters}, with latitude and longitude.");
    }
}
