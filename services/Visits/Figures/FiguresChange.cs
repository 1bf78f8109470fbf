namespace MassWork.Visits.Figures;

/// <summary>
/// A village whose <see cref="VillageFigures"/> no longer hold: queued by database triggers on the
/// tables the figures are made of (visits, their cadres, households and photos, pairings, cadres'
/// ranks, the cities' policies), so every writer — the endpoints, the consumers, a bulk COPY —
/// queues it without knowing of the figures. Claimed and deleted by the refresh that recomputes it.
/// </summary>
public sealed class FiguresChange
{
    public long Id { get; init; }

    public required string VillageCode { get; init; }

    /// <summary>The Asia/Shanghai year that changed; null when every year the village has may have.</summary>
    public int? Year { get; init; }
}
