namespace MassWork.Visits.Cadres;

/// <summary>
/// The visits service's copy of a cadre (干部), from the personnel service's events. UserId links
/// the cadre to a login, so a cadre recording their own visit is recognised; Rank (科级以上
/// "SectionLevel" or 一般干部 "General") sets how many days a year they owe their village. No phone.
/// UpdatedAt is the time of the snapshot held, so later cadre events replace it only when newer.
/// </summary>
public sealed class CadreRecord
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public required string Rank { get; set; }

    public required string RegionCode { get; set; }

    public string? UserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
