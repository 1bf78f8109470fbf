using System.Text.RegularExpressions;

namespace MassWork.Console.Sms;

/// <summary>
/// An SMS template (短信模板): Chinese text with ${variables}, its signature and kind (Service 通知类,
/// Broadcast 宣传类), and the template id each provider approved it as.
/// </summary>
public sealed partial record SmsTemplate(
    string Code, string Name, string Signature, string Text, string Kind, bool Urgent,
    IReadOnlyDictionary<string, string>? ProviderCodes = null, DateTimeOffset? UpdatedAt = null)
{
    /// <summary>The template's variables in order of first use: the broadcast form asks for each.</summary>
    public IReadOnlyList<string> Variables => [.. Variable().Matches(Text).Select(m => m.Groups[1].Value).Distinct()];

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Variable();
}

/// <summary>What a broadcast would send and cost: numbers, those opted out, and billed segments.</summary>
public sealed record BroadcastPreview(string Text, int SegmentsPerMessage, long Recipients, long OptedOut, long Messages, long TotalSegments);

public sealed record Broadcast(
    Guid Id, string RegionPrefix, IReadOnlyList<string> Tags, string Audience, string TemplateCode, string Text, int Segments,
    string Status, long Recipients, IReadOnlyDictionary<string, long> Messages, DateTimeOffset CreatedAt)
{
    public string StatusName => Status switch
    {
        "Preparing" => "准备中", "Sending" => "发送中", "Paused" => "已暂停", "Cancelled" => "已取消", "Completed" => "已完成", _ => Status,
    };
}

public sealed record BroadcastPage(long Total, int Page, int PageSize, IReadOnlyList<Broadcast> Broadcasts);
