using System.Text.Json.Serialization;

namespace MassWork.Petitions.Cases;

/// <summary>What the matter is, in the regulation's types plus disputes.</summary>
public enum MatterType
{
    /// <summary>建议意见.</summary>
    Suggestion,

    /// <summary>检举控告: the accuser's identity is never disclosed.</summary>
    Accusation,

    /// <summary>申诉求决: requests and complaints.</summary>
    Request,

    /// <summary>矛盾纠纷: mediated at group, village or town (三调联动).</summary>
    Dispute,
}

/// <summary>How the matter reached us.</summary>
public enum Channel
{
    /// <summary>Raised to a cadre on a household visit (走访).</summary>
    Visit,

    /// <summary>来访.</summary>
    WalkIn,

    /// <summary>来信.</summary>
    Letter,

    /// <summary>来电.</summary>
    Phone,

    /// <summary>12345 government hotline: work-order limits apply.</summary>
    Hotline,

    /// <summary>意见箱.</summary>
    SuggestionBox,

    /// <summary>网上, including Open311 clients.</summary>
    Online,

    /// <summary>信访代理员/代办员 submitting with a signed 委托书.</summary>
    Proxy,
}

/// <summary>The level of the body that received the matter; 逐级 compares them.</summary>
public enum IntakeLevel
{
    Village = 1,
    Town = 2,
    County = 3,
    City = 4,
}

/// <summary>Who holds a case: a town or village office (by division code) or a county/city department.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HolderKind>))]
public enum HolderKind
{
    Region,
    Department,
}

/// <summary>The office or department that holds the case now.</summary>
public sealed record Holder(HolderKind Kind, string Code, string Name);

/// <summary>Who answers a 复查 or 复核: the caller's region, and the departments they staff (none for a government office).</summary>
public sealed record Reviewer(string Region, IReadOnlyCollection<string> Departments);

/// <summary>
/// 五定: lead leader 牵头领导, responsible office 股室负责人, handler 办案人, resolution deadline
/// 解决时间 and revisit target 回访巩固率.
/// </summary>
public sealed record Ownership(string LeadLeader, string ResponsibleOffice, string HandlerUserId, string HandlerName, DateOnly ResolutionDeadline, string RevisitTarget);

/// <summary>Attachment metadata; the file lives in the document store the URL names.</summary>
public sealed record Attachment(string FileName, string ContentType, long SizeBytes, string? Url);

public enum MediationStep
{
    /// <summary>排查.</summary>
    Investigated,

    /// <summary>调处.</summary>
    Mediated,

    /// <summary>化解.</summary>
    Settled,
}

/// <summary>One mediation step with what it records: the parties (排查), the mediator (调处), the level and agreement (化解).</summary>
public sealed record MediationRecord(MediationStep Step, MediationLevel? Level, IReadOnlyList<string>? Parties, string? Mediator, string? Agreement);

/// <summary>The level a dispute was settled at: small matters in the group, big ones in the village.</summary>
public enum MediationLevel
{
    Group,
    Village,
    Town,
}
