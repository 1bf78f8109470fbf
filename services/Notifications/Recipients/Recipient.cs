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

/// <summary>A cadre's phone, from CadreRegistered: where case and leave notices to staff go (by login).</summary>
public sealed class CadreContact
{
    public Guid CadreId { get; init; }

    public string? UserId { get; set; }

    public required string Name { get; set; }

    public required string RegionCode { get; set; }

    public byte[]? PhoneCipher { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A number that replied T/TD/N/退订: no broadcasts to it; service messages still go.</summary>
public sealed class OptOut
{
    public required byte[] PhoneHash { get; init; }

    public DateTimeOffset OptedOutAt { get; init; }

    public required string Reply { get; init; }
}
