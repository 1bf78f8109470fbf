namespace MassWork.Projects.Projects;

/// <summary>What a project builds or does (为民办实事 categories).</summary>
public enum ProjectCategory
{
    /// <summary>Roads and bridges (通组公路、桥梁).</summary>
    Road,

    /// <summary>Irrigation and flood control (水利).</summary>
    Water,

    /// <summary>Drinking water (安全饮水).</summary>
    DrinkingWater,

    /// <summary>Sanitation, toilets, waste (改厕、环境整治).</summary>
    Sanitation,

    School,

    /// <summary>Elderly homes and care (敬老院、颐养之家).</summary>
    ElderlyCare,

    /// <summary>Repair of dilapidated housing (危旧房改造).</summary>
    HousingRepair,

    /// <summary>Local industry (产业).</summary>
    Industry,

    Other,
}

/// <summary>Who proposed the project.</summary>
public enum Proposer
{
    /// <summary>村委会.</summary>
    VillageCommittee,

    /// <summary>The dispatched work team (驻村工作队).</summary>
    WorkTeam,

    /// <summary>The town government (乡镇).</summary>
    Town,
}

/// <summary>A project's stage: Proposed → Approved → UnderWay → Accepted (验收) → Published (公示); or Rejected, or Cancelled.</summary>
public enum ProjectStage
{
    Proposed,
    Approved,
    UnderWay,
    Accepted,
    Published,
    Rejected,
    Cancelled,
}
