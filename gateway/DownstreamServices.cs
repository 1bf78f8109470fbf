namespace MassWork.Gateway;

/// <summary>The services behind the gateway, by their service-discovery names.</summary>
public static class DownstreamServices
{
    public static readonly IReadOnlyList<string> Names = ["personnel", "visits", "petitions", "projects", "notifications", "identity"];
}
