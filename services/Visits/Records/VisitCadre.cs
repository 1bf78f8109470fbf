namespace MassWork.Visits.Records;

/// <summary>A cadre who made a visit.</summary>
public sealed class VisitCadre
{
    public Guid VisitId { get; init; }

    public Guid CadreId { get; init; }
}
