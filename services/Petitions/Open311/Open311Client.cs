namespace MassWork.Petitions.Open311;

/// <summary>A city app or 311 client allowed to submit requests with an api_key; only the key's hash is stored.</summary>
public sealed class Open311Client
{
    public Guid Id { get; init; }

    public required string Name { get; init; }

    public required byte[] KeyHash { get; init; }

    /// <summary>The region its requests may be filed in (the jurisdiction).</summary>
    public required string RegionPrefix { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}
