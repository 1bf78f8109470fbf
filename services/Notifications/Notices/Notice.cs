namespace MassWork.Notifications.Notices;

public enum NoticeStatus
{
    /// <summary>Written, waiting for the SMS sender.</summary>
    Pending,
}

public enum NoticeKind
{
    /// <summary>登记告知: the household learns it is in the register and will be visited.</summary>
    HouseholdWelcome,
}

/// <summary>A message to one household, kept until it is sent and its receipt is in.</summary>
public sealed class Notice
{
    private Notice()
    {
    }

    public Guid Id { get; private set; }

    public Guid HouseholdId { get; private set; }

    /// <summary>Division code of the household's village: reads are scoped by its prefix.</summary>
    public string RegionCode { get; private set; } = "";

    public NoticeKind Kind { get; private set; }

    /// <summary>The SMS text, in Chinese, without the signature.</summary>
    public string Text { get; private set; } = "";

    public NoticeStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Notice HouseholdWelcome(Guid householdId, string householdNumber, string villageCode, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        HouseholdId = householdId,
        RegionCode = villageCode,
        Kind = NoticeKind.HouseholdWelcome,
        Text = NoticeTexts.HouseholdWelcome(householdNumber),
        Status = NoticeStatus.Pending,
        CreatedAt = now,
    };
}
