using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Identity.Accounts;

namespace MassWork.Identity.Cadres;

/// <summary>
/// A registered cadre becomes an account an operator can invite, acting in the region the cadre
/// serves, known to other services by the cadre's user id when the register gives one. A correction
/// or retirement that came first has made the account already: the registration fills it in.
/// </summary>
public sealed class CadreRegisteredConsumer(AccountsDbContext db, TimeProvider time, ILogger<CadreRegisteredConsumer> logger)
    : IdempotentConsumer<CadreRegistered, AccountsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRegistered m, ConsumeContext<CadreRegistered> context)
    {
        var account = await CadreAccounts.FindOrAddAsync(Db, m.CadreId, Time, context.CancellationToken);
        account.RegisteredAs(m.UserId);
        account.FollowCadre(m.Name, m.RegionCode, m.RegisteredAt);
    }
}

/// <summary>A corrected register entry: the account follows the cadre's name and region (an older correction changes nothing).</summary>
public sealed class CadreUpdatedConsumer(AccountsDbContext db, TimeProvider time, ILogger<CadreUpdatedConsumer> logger)
    : IdempotentConsumer<CadreUpdated, AccountsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreUpdated m, ConsumeContext<CadreUpdated> context) =>
        (await CadreAccounts.FindOrAddAsync(Db, m.CadreId, Time, context.CancellationToken)).FollowCadre(m.Name, m.RegionCode, m.UpdatedAt);
}

/// <summary>
/// A cadre who left (调离、退休) can no longer sign in: the account is disabled and its sessions
/// revoked. One that overtook the registration leaves a disabled account for the registration to fill in.
/// </summary>
public sealed class CadreRetiredConsumer(AccountsDbContext db, AccountDisabling disabling, TimeProvider time, ILogger<CadreRetiredConsumer> logger)
    : IdempotentConsumer<CadreRetired, AccountsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRetired m, ConsumeContext<CadreRetired> context)
    {
        var account = await CadreAccounts.FindOrAddAsync(Db, m.CadreId, Time, context.CancellationToken);
        await disabling.DisableAsync(account, $"干部已离开：{m.Reason}"[..Math.Min(200, 6 + m.Reason.Length)], context.CancellationToken);
    }
}

/// <summary>
/// Two of a cadre's first events handled at once both add the account: the unique cadre id fails
/// one, and its retry finds the other's.
/// </summary>
internal static class CadreAccounts
{
    public static async Task<StaffAccount> FindOrAddAsync(AccountsDbContext db, Guid cadreId, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.CadreId == cadreId, cancellationToken);
        if (account is null)
        {
            account = StaffAccount.ForCadre(cadreId, time.GetUtcNow());
            db.Accounts.Add(account);
        }

        return account;
    }
}
