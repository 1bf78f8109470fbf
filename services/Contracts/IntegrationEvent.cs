namespace MassWork.Contracts;

/// <summary>
/// Integration events are versioned by namespace (<c>MassWork.Contracts.&lt;Service&gt;.V1</c>):
/// a breaking change adds a V2 record beside the old one, and publishers raise both until every
/// consumer has moved.
/// </summary>
public static class IntegrationEvents
{
    public static readonly System.Reflection.Assembly Assembly = typeof(IntegrationEvents).Assembly;
}
