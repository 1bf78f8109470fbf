using MassWork.Personnel.Registers;

namespace MassWork.Personnel.Teams;

/// <summary>工作队: sent by a dispatching unit to one village (工作队包村).</summary>
public sealed class WorkTeam
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public Guid UnitId { get; init; }

    public required string VillageCode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the team was recalled (撤回); its members left and their pairings in the village ended.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public string? RetireReason { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public uint Version { get; private set; }

    public List<TeamMembership> Members { get; init; } = [];

    public IReadOnlyList<FieldChange> Rename(string name)
    {
        RequireActive();
        var changes = new ChangeSet().Track("name", Name, name).Changes;
        Name = name;
        return changes;
    }

    public void Retire(string reason, DateTimeOffset at)
    {
        RequireActive();
        RetiredAt = at;
        RetireReason = reason;
    }

    private void RequireActive()
    {
        if (IsRetired)
        {
            throw new RegisterStateException("The team was recalled", $"The team was recalled on {RetiredAt:yyyy-MM-dd}.");
        }
    }
}
