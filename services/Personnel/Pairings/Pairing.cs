namespace MassWork.Personnel.Pairings;

/// <summary>
/// 结对: a cadre responsible for a household from StartedAt until EndedAt. Rows are never
/// deleted, so who was paired when stays answerable.
/// </summary>
public sealed class Pairing
{
    public Guid Id { get; init; }

    public Guid CadreId { get; init; }

    public Guid HouseholdId { get; init; }

    public PairingKind Kind { get; init; }

    /// <summary>The household's village, copied so region reports need not join households; moved with the household.</summary>
    public required string VillageCode { get; set; }

    public DateTimeOffset StartedAt { get; init; }

    public required string StartedBy { get; init; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? EndedBy { get; private set; }

    public string? EndReason { get; private set; }

    public bool IsActive => EndedAt is null;

    /// <summary>The longest end reason a pairing keeps (its column's width).</summary>
    public const int MaxEndReasonLength = 200;

    /// <summary>
    /// Ends the pairing. A reason composed from another record's (干部退出：…, 工作队撤回：…) may run past
    /// <see cref="MaxEndReasonLength"/>; its end is cut, as that record keeps the whole reason.
    /// </summary>
    public void End(DateTimeOffset at, string by, string reason)
    {
        EndedAt = at;
        EndedBy = by;
        EndReason = reason.Length > MaxEndReasonLength ? reason[..MaxEndReasonLength] : reason;
    }
}

/// <summary>二次覆盖 pairs each household with one of each kind.</summary>
public enum PairingKind
{
    /// <summary>常驻队员 (resident work-team member).</summary>
    Resident,

    /// <summary>全覆盖干部 (full-coverage cadre).</summary>
    FullCoverage,
}
