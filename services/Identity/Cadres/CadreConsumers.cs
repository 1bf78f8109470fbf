using MassTransit;
using MassWork.Contracts.Personnel.V1;
using MassWork.Identity.Accounts;
using MassWork.Identity.Data;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Identity.Cadres;

/// <summary>
/// A registered cadre becomes an account an operator can invite, acting in the region the cadre
/// serves, known to other services by the cadre's user id when the register gives one.
/// </summary>
public sealed class CadreRegisteredConsumer(AccountsDbContext db, TimeProvider time, ILogger<CadreRegisteredConsumer> logger)
    : IdempotentConsumer<CadreRegistered, AccountsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRegistered m, ConsumeContext<CadreRegistered> context)
    {
        if (await Db.Accounts.AnyAsync(a => a.CadreId == m.CadreId, context.CancellationToken))
        {
            return;
        }

        var id = Guid.CreateVersion7(m.RegisteredAt);
        Db.Accounts.Add(new StaffAccount
        {
            Id = id,
            SubjectId = string.IsNullOrEmpty(m.UserId) ? id.ToString() : m.UserId,
            DisplayName = m.Name,
            CadreId = m.CadreId,
            RegionPrefix = RegionPrefixes.Of(m.RegionCode),
            Status = AccountStatus.Invitable,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = Time.GetUtcNow(),
            CadreUpdatedAt = m.RegisteredAt,
        });
    }
}

/// <summary>A corrected register entry: the account follows the cadre's name and region (an older correction changes nothing).</summary>
public sealed class CadreUpdatedConsumer(AccountsDbContext db, TimeProvider time, ILogger<CadreUpdatedConsumer> logger)
    : IdempotentConsumer<CadreUpdated, AccountsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreUpdated m, ConsumeContext<CadreUpdated> context)
    {
        var account = await Db.Accounts.SingleOrDefaultAsync(a => a.CadreId == m.CadreId, context.CancellationToken);
        if (account is null || account.CadreUpdatedAt >= m.UpdatedAt)
        {
            return;
        }

        account.DisplayName = m.Name;
        account.RegionPrefix = RegionPrefixes.Of(m.RegionCode);
        account.CadreUpdatedAt = m.UpdatedAt;
    }
}

/// <summary>A cadre who left (调离、退休) can no longer sign in: the account is disabled and its sessions revoked.</summary>
public sealed class CadreRetiredConsumer(AccountsDbContext db, AccountDisabling disabling, TimeProvider time, ILogger<CadreRetiredConsumer> logger)
    : IdempotentConsumer<CadreRetired, AccountsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CadreRetired m, ConsumeContext<CadreRetired> context)
    {
        if (await Db.Accounts.SingleOrDefaultAsync(a => a.CadreId == m.CadreId, context.CancellationToken) is { } account)
        {
            await disabling.DisableAsync(account, $"干部已离开：{m.Reason}"[..Math.Min(200, 6 + m.Reason.Length)], context.CancellationToken);
        }
    }
}
