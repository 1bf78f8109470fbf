namespace MassWork.Petitions.Cases;

public enum CaseStatus
{
    /// <summary>登记: waiting to be routed or assigned.</summary>
    Registered,

    /// <summary>转送/交办: with a holder that has not yet said whether it accepts.</summary>
    Assigned,

    /// <summary>受理.</summary>
    Accepted,

    /// <summary>办理中.</summary>
    InProgress,

    /// <summary>With a county department that has not signed for it (签收).</summary>
    Escalated,

    /// <summary>答复: the outcome and written opinion are given; waiting for the revisit.</summary>
    Answered,

    /// <summary>办结: revisited; 复查/复核 can still be asked within the window.</summary>
    Closed,

    /// <summary>复查 or 复核 under way.</summary>
    UnderReview,

    /// <summary>不予受理 (also repeat and skip-level intakes); final.</summary>
    NotAccepted,

    /// <summary>终结 after 复核: the same matter is not accepted again.</summary>
    Terminated,
}

/// <summary>
/// The outcome in the written opinion (处理意见书). Problems are supported, explained or not
/// supported; a suggestion (建议意见) is adopted or not, and never counts as a solved problem.
/// </summary>
public enum Outcome
{
    /// <summary>支持.</summary>
    Supported,

    /// <summary>解释说明: policy cannot solve it now; counted apart from resolved.</summary>
    Explained,

    /// <summary>不予支持.</summary>
    NotSupported,

    /// <summary>吸纳: a suggestion taken up.</summary>
    Adopted,

    /// <summary>未吸纳: a suggestion thanked for and not taken up.</summary>
    NotAdopted,
}

public static class Outcomes
{
    /// <summary>Whether the outcome answers this type of matter: adoption for suggestions, support for the rest.</summary>
    public static bool Fits(MatterType matter, Outcome outcome) =>
        (matter == MatterType.Suggestion) == (outcome is Outcome.Adopted or Outcome.NotAdopted);

    public static IReadOnlyList<Outcome> For(MatterType matter) =>
        [.. Enum.GetValues<Outcome>().Where(o => Fits(matter, o))];
}

public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

public static class Satisfactions
{
    /// <summary>What the satisfaction rate counts as satisfied (满意 and 基本满意).</summary>
    public static readonly Satisfaction[] Content = [Satisfaction.Satisfied, Satisfaction.BasicallySatisfied];
}

public enum ReviewStage
{
    None,

    /// <summary>复查.</summary>
    Review,

    /// <summary>复核.</summary>
    ReReview,
}

public enum DeadlineKind
{
    Route,
    Accept,
    Objection,
    ProgressCallBack,
    Resolve,
    Revisit,
    ReviewAnswer,

    /// <summary>A department signs for a work order (签收).</summary>
    Sign,

    /// <summary>A department replies to a work order.</summary>
    WorkOrderResult,
}
