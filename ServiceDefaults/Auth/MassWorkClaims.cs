namespace MassWork.ServiceDefaults.Auth;

/// <summary>Claim names in MassWork tokens (kept as issued; no Microsoft claim mapping).</summary>
public static class MassWorkClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>A statistical division code prefix (行政区划代码前缀): "3607" city, "360702" county.</summary>
    public const string Region = "region";

    /// <summary>The identity service's id of the token (OpenIddict's entry): what a revocation names.</summary>
    public const string TokenId = "oi_tkn_id";
}
