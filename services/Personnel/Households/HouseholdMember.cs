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

    /// <summary>The edit's values, but an ID number or phone the edit left out stays as stored.</summary>
    internal void CopyFrom(MemberEdit edit)
    {
        var other = edit.Member;
        Relation = other.Relation;
        if (!edit.KeepsIdNumber)
        {
            IdNumberCipher = other.IdNumberCipher;
            IdNumberHash = other.IdNumberHash;
            IdNumberMasked = other.IdNumberMasked;
        }

        if (!edit.KeepsPhone)
        {
            PhoneCipher = other.PhoneCipher;
            PhoneHash = other.PhoneHash;
            PhoneMasked = other.PhoneMasked;
        }
    }
}

/// <summary>A member as an edit gives it, and whether it left the ID number or the phone out (keep what is stored).</summary>
public sealed record MemberEdit(HouseholdMember Member, bool KeepsIdNumber, bool KeepsPhone);
