namespace MassWork.Visits.SpotChecks;

/// <summary>Where a spot-check call stands.</summary>
public enum CallOutcome
{
    /// <summary>Not called yet.</summary>
    Pending,

    /// <summary>Called, nobody answered (or a wrong number): may be called again.</summary>
    Unreached,

    /// <summary>The household confirmed a visit in the period.</summary>
    Passed,

    /// <summary>The household said nobody visited it in the period: its recorded visits are flagged.</summary>
    Failed,
}
