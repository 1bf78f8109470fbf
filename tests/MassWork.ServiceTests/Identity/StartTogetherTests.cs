using MassWork.Identity;
using MassWork.Identity.Accounts;
using MassWork.Identity.Clients;
using MassWork.Identity.Data;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace MassWork.ServiceTests.Identity;

/// <summary>Identity's start-up jobs run by two pods starting at once: both start, and the work is done once.</summary>
[Collection(IdentityCollection.Name)]
public sealed class StartTogetherTests(IdentityFixture service)
{
    private string Database => service.Infrastructure.DatabaseConnectionString("identitydb");

    [Fact]
    public async Task Two_pods_registering_the_clients_together_both_start_and_register_each_client_once()
    {
        // The console client is not registered yet (a first install), and a system no longer configured still is.
        var dropped = $"dropped-{Guid.NewGuid():N}";
        await using (var scope = service.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.DeleteAsync((await applications.FindByClientIdAsync(ClientRegistration.ConsoleClientId))!);
            await applications.CreateAsync(new OpenIddictApplicationDescriptor { ClientId = dropped, ClientType = OpenIddictConstants.ClientTypes.Public });
        }

        await PodStarts.TogetherAsync(Database, "openiddict_applications",
            () => ActivatorUtilities.CreateInstance<ClientRegistration>(service.Services).StartAsync(CancellationToken.None));

        Assert.Equal(1, await service.Infrastructure.CountAsync("identitydb", "SELECT count(*) FROM openiddict_applications WHERE client_id = @id", ("id", ClientRegistration.ConsoleClientId)));
        Assert.Equal(0, await service.Infrastructure.CountAsync("identitydb", "SELECT count(*) FROM openiddict_applications WHERE client_id = @id", ("id", dropped)));
    }

    [Fact]
    public async Task Two_pods_setting_up_the_first_operator_together_both_start_and_invite_one_account()
    {
        var userName = $"first-{Guid.NewGuid():N}"[..20];
        var options = Options.Create(new IdentityServiceOptions
        {
            FirstOperator = new FirstOperator { UserName = userName, Region = "3607", InvitationCode = "installer-chosen-code-0123456789" },
        });
        Assert.False(await service.ReadAsync(db => db.Accounts.AnyAsync(a => a.Role == Roles.Operator && a.Status == AccountStatus.Active)));

        await PodStarts.TogetherAsync(Database, "staff_accounts",
            () => ActivatorUtilities.CreateInstance<FirstOperatorSetup>(service.Services, options).StartAsync(CancellationToken.None));

        var invited = Assert.Single(await service.ReadAsync(db => db.Accounts.AsNoTracking().Where(a => a.UserName == userName).ToListAsync()));
        Assert.Equal((AccountStatus.Invited, Roles.Operator), (invited.Status, invited.Role));
    }
}
