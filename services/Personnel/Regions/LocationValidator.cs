namespace MassWork.Personnel.Regions;

/// <summary>Where a village committee (村委会) or town government sits: both coordinates, in range.</summary>
public sealed class LocationValidator : RequestValidator<LocateRequest>
{
    public LocationValidator()
    {
        RuleFor(x => x.Latitude).Problem((x, latitude) =>
            latitude is null && x.Longitude is null ? "Required, with longitude." : GeoPoint.LatitudeProblem(latitude, x.Longitude));
        RuleFor(x => x.Longitude).Problem((x, longitude) => GeoPoint.LongitudeProblem(x.Latitude, longitude));
    }

    /// <summary>The route's code: only a village or a town has a seat that check-ins are measured from.</summary>
    public static string? CodeProblem(string code) =>
        DivisionCode.IsVillage(code) || DivisionCode.IsTown(code) ? null : "The 12-digit division code of a village or town.";
}
