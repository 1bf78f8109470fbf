using MassWork.Personnel.People;

namespace MassWork.Personnel.Cadres;

/// <summary>A cadre (干部) who can be paired with households, serve in a work team or approve leave.</summary>
public sealed class Cadre
{
    public Guid Id { get; init; }

    public required string Name { get; set; }

    public byte[]? PhoneCipher { get; private set; }

    public byte[]? PhoneHash { get; private set; }

    public string? PhoneMasked { get; private set; }

    public CadreRank Rank { get; set; }

    /// <summary>职务 as printed on the notice board, e.g. 队长, 科员, 镇党委书记.</summary>
    public string? Position { get; set; }

    /// <summary>单位: the dispatching unit the cadre works for.</summary>
    public Guid? UnitId { get; set; }

    /// <summary>Division code of the place the cadre serves; region-scoped staff see cadres inside their region.</summary>
    public required string RegionCode { get; set; }

    /// <summary>The compound the cadre lives in (三送进小区 pairs them with its households).</summary>
    public Guid? HomeCompoundId { get; set; }

    /// <summary>The login (token sub) of the cadre, so approvals and check-ins are theirs.</summary>
    public string? UserId { get; set; }

    public DateTimeOffset RegisteredAt { get; init; }

    public void SetPhone(SensitiveValue? phone)
    {
        PhoneCipher = phone?.Cipher;
        PhoneHash = phone?.Hash;
        PhoneMasked = phone?.Masked;
    }
}
