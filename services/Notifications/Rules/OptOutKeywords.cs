namespace MassWork.Notifications.Rules;

/// <summary>Replies that opt a number out of broadcasts ("回T退订"): T, TD, N or 退订, in any case, with spaces around.</summary>
public static class OptOutKeywords
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase) { "T", "TD", "N", "退订" };

    public static bool IsOptOut(string? reply) => reply is not null && Keywords.Contains(reply.Trim().Trim('。', '.', '!', '！'));
}
