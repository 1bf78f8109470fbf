using MassWork.Personnel.People;
using MassWork.Personnel.Registers;

namespace MassWork.Personnel.Cadres;

/// <summary>A cadre (干部) who can be paired with households, serve in a work team or approve leave.</summary>
public sealed class Cadre
{
    public Guid Id { get; private init; }

    public string Name { get; private set; } = "";

    public byte[]? PhoneCipher { get; private set; }

    public byte[]? PhoneHash { get; private set; }

    public string? PhoneMasked { get; private set; }

    public CadreRank Rank { get; private set; }

    /// <summary>职务 as printed on the notice board, e.g. 队长, 科员, 镇党委书记.</summary>
    public string? Position { get; private set; }

    /// <summary>单位: the dispatching unit the cadre works for.</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>Division code of the place the cadre serves; region-scoped staff see cadres inside their region.</summary>
    public string RegionCode { get; private set; } = "";

    /// <summary>The compound the cadre lives in (三送进小区 pairs them with its households).</summary>
    public Guid? HomeCompoundId { get; private set; }

    /// <summary>The login (token sub) of the cadre, so approvals and check-ins are theirs.</summary>
    public string? UserId { get; private set; }

    public DateTimeOffset RegisteredAt { get; private init; }

    /// <summary>When the cadre left the programme (调离、退休、辞职); a retired cadre is kept for history and takes no new work.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    public string? RetireReason { get; private set; }

    public bool IsRetired => RetiredAt is not null;

    public uint Version { get; private set; }

    public static Cadre Register(CadreDetails details, SensitiveValue? phone, DateTimeOffset at)
    {
        var cadre = new Cadre { Id = Guid.CreateVersion7(at), RegisteredAt = at };
        cadre.Edit(details, PhoneEdit.Set(phone));
        return cadre;
    }

    /// <summary>Applies a correction and returns the fields that changed (a phone only as its masked form).</summary>
    public IReadOnlyList<FieldChange> Edit(CadreDetails details, PhoneEdit phone)
    {
        if (IsRetired)
        {
            throw new RegisterStateException("The cadre has retired", $"The cadre retired on {RetiredAt:yyyy-MM-dd}; a retired cadre is kept as history and not edited.");
        }

        var changes = new ChangeSet()
            .Track("name", Name, details.Name)
            .Track("rank", Rank, details.Rank)
            .Track("position", Position, details.Position)
            .Track("unitId", UnitId, details.UnitId)
            .Track("regionCode", RegionCode, details.RegionCode)
            .Track("homeCompoundId", HomeCompoundId, details.HomeCompoundId)
            .Track("userId", UserId, details.UserId);
        (Name, Rank, Position, UnitId, RegionCode, HomeCompoundId, UserId) =
            (details.Name, details.Rank, details.Position, details.UnitId, details.RegionCode, details.HomeCompoundId, details.UserId);
        if (phone.Changes && !(phone.Value?.Hash ?? []).SequenceEqual(PhoneHash ?? []))
        {
            changes.Track("phone", PhoneMasked, phone.Value?.Masked);
            PhoneCipher = phone.Value?.Cipher;
            PhoneHash = phone.Value?.Hash;
            PhoneMasked = phone.Value?.Masked;
        }

        return changes.Changes;
    }

    public void Retire(string reason, DateTimeOffset at)
    {
        if (IsRetired)
        {
            throw new RegisterStateException("The cadre has retired", $"The cadre already retired on {RetiredAt:yyyy-MM-dd}.");
        }

        RetiredAt = at;
        RetireReason = reason;
    }
}

/// <summary>What staff enter for a cadre, validated; the phone travels apart because it is stored encrypted.</summary>
public sealed record CadreDetails(string Name, CadreRank Rank, string? Position, Guid? UnitId, string RegionCode, Guid? HomeCompoundId, string? UserId);

/// <summary>An edit keeps the phone (staff never see it unmasked), replaces it, or clears it.</summary>
public readonly record struct PhoneEdit(bool Changes, SensitiveValue? Value)
{
    public static readonly PhoneEdit Keep = new(false, null);

    public static PhoneEdit Set(SensitiveValue? value) => new(true, value);
}
