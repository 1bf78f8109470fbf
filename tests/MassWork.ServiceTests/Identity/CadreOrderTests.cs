using MassWork.Contracts.Personnel.V1;
using MassWork.Identity.Accounts;

namespace MassWork.ServiceTests.Identity;

/// <summary>
/// A cadre's events reach identity on one queue each, consumed side by side on every replica, so a
/// correction or a retirement can come before the registration: the account ends up as if they came in order.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class CadreOrderTests(IdentityFixture service)
{
    [Fact]
    public async Task A_retirement_that_comes_before_the_registration_leaves_the_account_disabled()
    {
        var (cadreId, userId, registeredAt) = (Guid.NewGuid(), $"cadre-{Guid.NewGuid():N}"[..20], service.Clock.GetUtcNow());

        await ConsumedAsync(new CadreRetired(cadreId, "调离", registeredAt.AddDays(30)));
        await ConsumedAsync(new CadreRegistered(cadreId, "钟建华", "13970705678", "General", "科员", null, null, "360702001000", userId, registeredAt));

        var account = await AccountAsync(cadreId);
        Assert.Equal((AccountStatus.Disabled, "钟建华", "360702001", userId), (account.Status, account.DisplayName, account.RegionPrefix, account.SubjectId));
        Assert.Equal("干部已离开：调离", account.DisabledReason);
    }

    [Fact]
    public async Task A_correction_that_comes_before_the_registration_is_kept()
    {
        var (cadreId, userId, registeredAt) = (Guid.NewGuid(), $"cadre-{Guid.NewGuid():N}"[..20], service.Clock.GetUtcNow());

        await ConsumedAsync(new CadreUpdated(cadreId, "赖秀英", "13970705678", "General", "副科长", null, null, "360702002000", userId, registeredAt.AddDays(2)));
        await ConsumedAsync(new CadreRegistered(cadreId, "赖秀音", "13970705678", "General", "科员", null, null, "360702001000", userId, registeredAt));

        var account = await AccountAsync(cadreId);
        Assert.Equal((AccountStatus.Invitable, "赖秀英", "360702002", userId), (account.Status, account.DisplayName, account.RegionPrefix, account.SubjectId));
    }

    /// <summary>Publishes the event and waits until identity has taken it, so the next one comes after it.</summary>
    private async Task ConsumedAsync<T>(T message)
        where T : class
    {
        var id = Guid.NewGuid();
        await service.Infrastructure.PublishAsync(message, id);
        await Eventually.HoldsAsync(async () => await service.Infrastructure.CountAsync("identitydb", "SELECT count(*) FROM inbox_messages WHERE message_id = @id", ("id", id)) == 1,
            TimeSpan.FromSeconds(30), $"{typeof(T).Name} consumed");
    }

    private Task<StaffAccount> AccountAsync(Guid cadreId) => service.ReadAsync(db => db.Accounts.AsNoTracking().SingleAsync(a => a.CadreId == cadreId));
}
