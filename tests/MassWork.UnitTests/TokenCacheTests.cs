using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace MassWork.UnitTests;

/// <summary>A bearer token is validated in full once; what can change since is checked on every request.</summary>
public sealed class TokenCacheTests
{
    private const string Issuer = "https://masswork.test/";
    private const string Audience = "masswork";
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 1, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(32)) { KeyId = "key-1" };

    private string Token(SecurityKey key, string user = "clerk-1", string algorithm = SecurityAlgorithms.HmacSha256) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim(MassWorkClaims.UserId, user)]),
            IssuedAt = Start.UtcDateTime,
            NotBefore = Start.UtcDateTime,
            Expires = Start.UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    private TokenValidationParameters Parameters(params SecurityKey[] keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = keys,
        ClockSkew = TimeSpan.FromSeconds(30),
        LifetimeValidator = (notBefore, expires, _, p) => TokenLifetime.IsValid(notBefore, expires, _time.GetUtcNow(), p.ClockSkew),
    };

    [Fact]
    public async Task A_token_checked_once_is_accepted_again_without_its_signature_being_verified_again()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Token(_key);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        // Were the signature verified again, this validator would refuse it.
        var parameters = Parameters(_key);
        parameters.SignatureValidator = (_, _) => throw new SecurityTokenInvalidSignatureException("verified twice");
        var again = await handler.ValidateTokenAsync(token, parameters);

        Assert.True(again.IsValid);
        Assert.Equal("clerk-1", again.ClaimsIdentity.FindFirst(MassWorkClaims.UserId)?.Value);
    }

    /// <summary>As ASP.NET Core hands the identity scheme its keys: in the configuration manager, not the parameters.</summary>
    private TokenValidationParameters Published(params SecurityKey[] keys)
    {
        var parameters = Parameters();
        parameters.ValidIssuer = null;
        parameters.IssuerSigningKeys = null;
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        foreach (var key in keys)
        {
            configuration.SigningKeys.Add(key);
        }

        parameters.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        return parameters;
    }

    [Fact]
    public async Task Identity_tokens_are_remembered_while_the_identity_service_publishes_their_key()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Token(_key);
        Assert.True((await handler.ValidateTokenAsync(token, Published(_key))).IsValid);

        var parameters = Published(new SymmetricSecurityKey(_key.Key) { KeyId = "key-1" });
        parameters.SignatureValidator = (_, _) => throw new SecurityTokenInvalidSignatureException("verified twice");
        Assert.True((await handler.ValidateTokenAsync(token, parameters)).IsValid);

        Assert.False((await handler.ValidateTokenAsync(token, Published(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "key-2" }))).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires_on_the_platform_clock()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Token(_key);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(29));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_the_key_that_signed_it_is_withdrawn()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Token(_key);
        var next = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "key-2" };
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key, next))).IsValid);

        // A refreshed key set holds new key objects: the same key id is the same key.
        var republished = new SymmetricSecurityKey(_key.Key) { KeyId = "key-1" };
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(next, republished))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(token, Parameters(next))).IsValid);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_when_its_issuer_is_no_longer_trusted()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Token(_key);
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var parameters = Parameters(_key);
        parameters.ValidIssuer = "https://elsewhere.test/";
        Assert.False((await handler.ValidateTokenAsync(token, parameters)).IsValid);
    }

    [Fact]
    public async Task A_refused_token_is_not_remembered()
    {
        var handler = new CachingTokenHandler(_time);
        var forged = Token(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "key-1" });

        Assert.False((await handler.ValidateTokenAsync(forged, Parameters(_key))).IsValid);
        Assert.False((await handler.ValidateTokenAsync(forged, Parameters(_key))).IsValid);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task Each_request_gets_its_own_identity()
    {
        var handler = new CachingTokenHandler(_time);
        var token = Token(_key);
        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        first.ClaimsIdentity.AddClaim(new Claim(MassWorkClaims.Role, "Leader"));

        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Null(second.ClaimsIdentity.FindFirst(MassWorkClaims.Role));
    }

    [Fact]
    public async Task The_cache_is_emptied_when_full_so_its_memory_stays_bounded()
    {
        var handler = new CachingTokenHandler(_time, capacity: 3);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await handler.ValidateTokenAsync(Token(_key, $"clerk-{i}"), Parameters(_key))).IsValid);
        }

        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public void Development_tokens_are_told_from_identity_tokens_by_their_header_alone()
    {
        Assert.True(CallerIdentityExtensions.SignedWithHmac(Token(_key)));
        using var rsa = RSA.Create(2048);
        Assert.False(CallerIdentityExtensions.SignedWithHmac(Token(new RsaSecurityKey(rsa) { KeyId = "rsa-1" }, algorithm: SecurityAlgorithms.RsaSha256)));
        Assert.False(CallerIdentityExtensions.SignedWithHmac("not-a-token"));
        Assert.False(CallerIdentityExtensions.SignedWithHmac("%%%.e30.sig"));
        Assert.False(CallerIdentityExtensions.SignedWithHmac(Base64UrlEncoder.Encode(new string('x', 2000)) + ".e30.sig"));
        Assert.False(CallerIdentityExtensions.SignedWithHmac(Base64UrlEncoder.Encode("""{"alg":7}""") + ".e30.sig"));
        Assert.False(CallerIdentityExtensions.SignedWithHmac(Base64UrlEncoder.Encode("[1,2]") + ".e30.sig"));
    }
}
