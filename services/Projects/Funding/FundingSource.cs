namespace MassWork.Projects.Funding;

/// <summary>Where a project's money comes from.</summary>
public enum FundingSource
{
    /// <summary>The city's 三送 funds.</summary>
    CityFund,

    /// <summary>The town's own funds.</summary>
    TownFund,

    /// <summary>Dispatching units' aid money pooled in a county or city fund (统一管理、统一调配).</summary>
    PooledAid,

    /// <summary>Villagers' own money and labour (筹资筹劳), supervised by the villager council (理事会).</summary>
    Villagers,

    /// <summary>Donations (社会捐赠).</summary>
    Donation,

    /// <summary>Project money from higher levels (上级项目资金).</summary>
    HigherLevel,
}

/// <summary>
/// One source in a project's funding plan: the money planned from it, and for villagers also their
/// labour (投工投劳) in person-days with its value.
/// </summary>
public sealed record FundingLine(FundingSource Source, long AmountFen, int LabourPersonDays, long LabourValueFen, string? Note);
