namespace MassWork.Notifications.Recipients;

/// <summary>
/// A household member with a phone, from the personnel service's events: who broadcasts reach
/// and where household notices go. The phone is stored encrypted with its hash and masked form.
/// </summary>
public sealed class Recipient
{
    public Guid MemberId { get; init; }

    public Guid HouseholdId { get; set; }

    public required string HouseholdNumber { get; set; }

    public required string VillageCode { get; set; }

    public string[] Tags { get; set; } = [];

    public bool IsHead { get; set; }

    public required string Name { get; set; }

    public required byte[] PhoneCipher { get; set; }

    public required byte[] PhoneHash { get; set; }

    public required string PhoneMasked { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A cadre's phone, from CadreRegistered and CadreUpdated: where case and leave notices to staff go
/// (by login). A retired cadre keeps the row with no phone and no login, so nothing reaches them.
/// </summary>
public sealed class CadreContact
{
    public Guid CadreId { get; init; }

    public string? UserId { get; private set; }

    public required string Name { get; set; }

    public required string RegionCode { get; set; }

    public byte[]? PhoneCipher { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool Retired { get; private set; }

    /// <summary>The entry as of <paramref name="at"/>; an older event arriving late changes nothing.</summary>
    public void Apply(string name, string regionCode, string? userId, byte[]? phoneCipher, DateTimeOffset at)
    {
        if (Retired || at < UpdatedAt)
        {
            return;
        }

        (Name, RegionCode, UserId, PhoneCipher, UpdatedAt) = (name, regionCode, userId, phoneCipher, at);
    }

    public void Retire(DateTimeOffset at)
    {
        (Retired, UserId, PhoneCipher, UpdatedAt) = (true, null, null, at > UpdatedAt ? at : UpdatedAt);
    }
}

/// <summary>A number that replied T/TD/N/退订: no broadcasts to it; service messages still go.</summary>
public sealed class OptOut
{
    public required byte[] PhoneHash { get; init; }

    public DateTimeOffset OptedOutAt { get; init; }

    public required string Reply { get; init; }
}
