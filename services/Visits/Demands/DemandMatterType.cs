namespace MassWork.Visits.Demands;

/// <summary>
/// What a demand raised on a visit is, in petitions' matter types. No 检举控告: a visit names the
/// household, and an accuser's identity must never be findable through it.
/// </summary>
public enum DemandMatterType
{
    /// <summary>申诉求决: requests and complaints.</summary>
    Request,

    /// <summary>建议意见.</summary>
    Suggestion,

    /// <summary>矛盾纠纷.</summary>
    Dispute,
}

/// <summary>
/// Where a demand stands in the village ledger: <see cref="Raised"/> until petitions registers it,
/// then the status of its case as petitions' events report it.
/// </summary>
public enum DemandStatus
{
    /// <summary>Recorded on the visit, not yet registered by petitions.</summary>
    Raised,

    /// <summary>登记.</summary>
    Registered,

    /// <summary>转送/交办.</summary>
    Assigned,

    /// <summary>受理.</summary>
    Accepted,

    /// <summary>办理中.</summary>
    InProgress,

    /// <summary>With a county department.</summary>
    Escalated,

    /// <summary>答复.</summary>
    Answered,

    /// <summary>办结.</summary>
    Closed,

    /// <summary>复查/复核.</summary>
    UnderReview,

    /// <summary>不予受理, repeats merged into an open case among them.</summary>
    NotAccepted,

    /// <summary>终结.</summary>
    Terminated,
}
