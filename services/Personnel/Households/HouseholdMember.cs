using MassWork.Personnel.People;

namespace MassWork.Personnel.Households;

/// <summary>
/// A person in a household. The ID card number and phone are kept only as ciphertext, keyed hash
/// and masked text; the plain values never reach a list or a log.
/// </summary>
public sealed class HouseholdMember
{
    public const string HeadRelation = "户主";

    private HouseholdMember()
    {
    }

    public Guid Id { get; private set; }

    public Guid HouseholdId { get; private set; }

    /// <summary>Unique within the household; a re-import matches members by name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>与户主关系: 户主, 配偶, 子, 女, 父亲, 母亲 …</summary>
    public string Relation { get; private set; } = "";

    public bool IsHead => Relation == HeadRelation;

    public byte[]? IdNumberCipher { get; private set; }

    public byte[]? IdNumberHash { get; private set; }

    public string? IdNumberMasked { get; private set; }

    public byte[]? PhoneCipher { get; private set; }

    public byte[]? PhoneHash { get; private set; }

    public string? PhoneMasked { get; private set; }

    public static HouseholdMember Create(string name, string relation, SensitiveValue? idNumber, SensitiveValue? phone) => new()
    {
        Id = Guid.CreateVersion7(),
        Name = name,
        Relation = relation,
        IdNumberCipher = idNumber?.Cipher,
        IdNumberHash = idNumber?.Hash,
        IdNumberMasked = idNumber?.Masked,
        PhoneCipher = phone?.Cipher,
        PhoneHash = phone?.Hash,
        PhoneMasked = phone?.Masked,
    };

    internal void CopyFrom(HouseholdMember other)
    {
        Relation = other.Relation;
        IdNumberCipher = other.IdNumberCipher;
        IdNumberHash = other.IdNumberHash;
        IdNumberMasked = other.IdNumberMasked;
        PhoneCipher = other.PhoneCipher;
        PhoneHash = other.PhoneHash;
        PhoneMasked = other.PhoneMasked;
    }
}
