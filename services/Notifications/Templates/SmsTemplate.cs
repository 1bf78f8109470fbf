using System.Text.Json.Serialization;
using MassWork.ServiceDefaults.Audit;

namespace MassWork.Notifications.Templates;

[JsonConverter(typeof(JsonStringEnumConverter<TemplateKind>))]
public enum TemplateKind
{
    /// <summary>通知类: goes to opted-out numbers too.</summary>
    Service,

    /// <summary>推广/政策宣传类: never to opted-out numbers; waits out quiet hours.</summary>
    Broadcast,
}

/// <summary>
/// An approved SMS template: Chinese text with ${variables}, the signature 【…】 it is sent under,
/// its kind, and the template ids the providers approved it as.
/// </summary>
public sealed class SmsTemplate : IAuditedValues
{
    public required string Code { get; init; }

    public required string Name { get; set; }

    public required string Signature { get; set; }

    public required string Text { get; set; }

    public TemplateKind Kind { get; set; }

    /// <summary>Urgent service messages go during quiet hours.</summary>
    public bool Urgent { get; set; }

    /// <summary>Provider name → that provider's template id (Aliyun SMS_…, Tencent numeric id).</summary>
    public Dictionary<string, string> ProviderCodes { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
