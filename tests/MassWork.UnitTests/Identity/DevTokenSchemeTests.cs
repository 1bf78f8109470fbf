using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MassWork.UnitTests.Identity;

/// <summary>Which tokens a service's authentication accepts, by environment.</summary>
public sealed class DevTokenSchemeTests
{
    private static WebApplication Build(string environment, string? authority)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Configuration["Auth:SigningKey"] = Convert.ToBase64String(new byte[32]);
        builder.Configuration["Auth:Authority"] = authority;
        return builder.AddServiceDefaults().Build();
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    public async Task Development_tokens_have_a_scheme_only_in_Development_even_with_a_key_configured(string environment, bool accepted)
    {
        await using var app = Build(environment, "http://identity");

        var schemes = app.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Equal(accepted, await schemes.GetSchemeAsync(CallerIdentityExtensions.DevScheme) is not null);
        Assert.NotNull(await schemes.GetSchemeAsync(CallerIdentityExtensions.IdentityScheme));
    }

    [Fact]
    public async Task Outside_Development_a_service_that_cannot_read_the_identity_keys_does_not_start()
    {
        await using var app = Build("Production", null);

        var error = Assert.Throws<OptionsValidationException>(() =>
            app.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(CallerIdentityExtensions.IdentityScheme));

        Assert.Contains("Auth:Authority", error.Message);
    }
}
