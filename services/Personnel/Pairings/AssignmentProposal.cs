namespace MassWork.Personnel.Pairings;

/// <summary>An auto-assignment proposal: reviewed by town staff, then applied in one transaction or discarded.</summary>
public sealed class AssignmentProposal
{
    public Guid Id { get; init; }

    /// <summary>A village or town division code.</summary>
    public required string RegionCode { get; init; }

    public AssignmentMode Mode { get; init; }

    public ProposalStatus Status { get; set; }

    public List<ProposedPairing> Items { get; init; } = [];

    public int UnassignedCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public int Applied { get; set; }

    /// <summary>Items skipped at apply time because the household was covered meanwhile or the cadre left.</summary>
    public int Skipped { get; set; }
}

public enum ProposalStatus
{
    Proposed,
    Applied,
    Discarded,
}
