namespace MassWork.Personnel.Teams;

/// <summary>工作队: sent by a dispatching unit to one village (工作队包村).</summary>
public sealed class WorkTeam
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public Guid UnitId { get; init; }

    public required string VillageCode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public List<TeamMembership> Members { get; init; } = [];
}
