using MassWork.Personnel.Registers;

namespace MassWork.Personnel.Cadres;

/// <summary>挂点单位 / 帮扶单位: a city or county department that sends work teams and aid money.</summary>
public sealed class DispatchingUnit
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    /// <summary>The city or county the unit belongs to (a division code).</summary>
    public required string RegionCode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the unit was dissolved or merged (撤并); it sends no new teams and no new cadres join it.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public string? RetireReason { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public uint Version { get; private set; }

    public IReadOnlyList<FieldChange> Rename(string name)
    {
        RequireActive();
        var changes = new ChangeSet().Track("name", Name, name).Changes;
        Name = name;
        return changes;
    }

    /// <summary>A unit still sending teams cannot go: recall its teams first, so no village loses its team unnoticed.</summary>
    public void Retire(string reason, int activeTeams, DateTimeOffset at)
    {
        RequireActive();
        if (activeTeams > 0)
        {
            throw new RegisterStateException("The unit cannot be retired", $"The unit still sends {activeTeams} work team(s); recall them first (POST /api/personnel/teams/{{id}}/retire).");
        }

        RetiredAt = at;
        RetireReason = reason;
    }

    private void RequireActive()
    {
        if (IsRetired)
        {
            throw new RegisterStateException("The unit was retired", $"The unit was retired on {RetiredAt:yyyy-MM-dd}.");
        }
    }
}
