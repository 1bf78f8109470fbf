namespace MassWork.Visits.Pairings;

/// <summary>
/// Who should visit whom (结对联户): a cadre responsible for a household from StartedAt until
/// EndedAt, kept after it ends so a visit entered late is judged by the pairings of its day.
/// PairingStarted and PairingEnded fill their own columns, so either may arrive first; a row
/// known only from its end (StartedAt still null) counts as running until then.
/// </summary>
public sealed class PairingRecord
{
    public Guid Id { get; init; }

    public required string Kind { get; set; }

    public Guid HouseholdId { get; set; }

    public Guid CadreId { get; set; }

    public required string VillageCode { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    public bool ActiveAt(DateTimeOffset instant) => (StartedAt is not { } start || start <= instant) && (EndedAt is not { } end || instant < end);
}
