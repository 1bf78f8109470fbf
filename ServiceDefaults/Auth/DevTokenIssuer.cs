using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.ServiceDefaults.Auth;

/// <summary>
/// Mints Development tokens with the shared HMAC key: the gateway's Development-only /dev/token
/// and the tests use it. Services accept such tokens only in the Development environment.
/// </summary>
public sealed class DevTokenIssuer(AuthOptions options, TimeProvider time)
{
    public string Issue(string userId, IEnumerable<string> roles, string region, TimeSpan? lifetime = null)
    {
        if (!RegionPrefixes.IsValid(region))
        {
            throw new ArgumentException("Region must be a division code prefix of 2, 4, 6, 9 or 12 digits.", nameof(region));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(MassWorkClaims.UserId, userId),
            new(MassWorkClaims.Name, userId),
            new(MassWorkClaims.Region, region),
        };
        claims.AddRange(roles.Select(r => new Claim(MassWorkClaims.Role, r)));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(CallerIdentityExtensions.DevSigningKey(options), SecurityAlgorithms.HmacSha256),
        });
    }
}
