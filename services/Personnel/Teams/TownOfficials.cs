namespace MassWork.Personnel.Teams;

/// <summary>The approvers above a team for leave: the town party secretary and the city leader assigned to the town (挂点市领导).</summary>
public sealed class TownOfficials
{
    public required string TownCode { get; init; }

    public Guid? PartySecretaryCadreId { get; set; }

    public Guid? CityLeaderCadreId { get; set; }
}
