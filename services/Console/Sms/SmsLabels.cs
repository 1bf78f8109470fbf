namespace MassWork.Console.Sms;

/// <summary>What the notifications service's message statuses are called on screen.</summary>
public static class SmsLabels
{
    public static string MessageStatus(string status) => status switch
    {
        "Queued" or "Deferred" => "待发送",
        "Sending" or "InDoubt" => "发送中",
        "Sent" => "已发送",
        "Delivered" => "已送达",
        "Failed" => "发送失败",
        "Suppressed" => "未发送",
        _ => status,
    };
}
