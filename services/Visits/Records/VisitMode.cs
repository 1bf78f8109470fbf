namespace MassWork.Visits.Records;

/// <summary>How a visit was made.</summary>
public enum VisitMode
{
    /// <summary>入户: at the household's home.</summary>
    Home,

    /// <summary>电话: by phone.</summary>
    Phone,

    /// <summary>座谈会: a meeting with several households.</summary>
    Meeting,

    /// <summary>下访恳谈: a group talk in the village, covering 2–3 villager groups and at least 30 households.</summary>
    GroupTalk,
}
