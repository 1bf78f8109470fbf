using MassWork.ServiceDefaults.Errors;

namespace MassWork.Personnel.Pairings;

/// <summary>
/// An auto-assignment proposal: reviewed by town staff, then applied in one transaction or
/// discarded. It is decided once; every decision goes through <see cref="Apply"/> or
/// <see cref="Discard"/>, which refuse a proposal already decided.
/// </summary>
public sealed class AssignmentProposal
{
    public Guid Id { get; init; }

    /// <summary>A village or town division code.</summary>
    public required string RegionCode { get; init; }

    public AssignmentMode Mode { get; init; }

    public ProposalStatus Status { get; private set; } = ProposalStatus.Proposed;

    public List<ProposedPairing> Items { get; init; } = [];

    public int UnassignedCount { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public int Applied { get; private set; }

    /// <summary>Items skipped at apply time because the household was covered meanwhile or the cadre left.</summary>
    public int Skipped { get; private set; }

    /// <summary>Records that <paramref name="inserted"/> of its items became pairings; the rest were overtaken since the review.</summary>
    public void Apply(string by, DateTimeOffset at, int inserted)
    {
        RequireProposed();
        (Status, DecidedBy, DecidedAt, Applied, Skipped) = (ProposalStatus.Applied, by, at, inserted, Items.Count - inserted);
    }

    public void Discard(string by, DateTimeOffset at)
    {
        RequireProposed();
        (Status, DecidedBy, DecidedAt) = (ProposalStatus.Discarded, by, at);
    }

    /// <summary>Refuses a step on a proposal already applied or discarded (409).</summary>
    public void RequireProposed()
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new DomainException(DomainProblem.Conflict, "Proposal already decided",
                $"It was {Status.ToString().ToLowerInvariant()} at {DecidedAt:O}.");
        }
    }
}

public enum ProposalStatus
{
    Proposed,
    Applied,
    Discarded,
}
