using MassWork.ServiceDefaults.Data;
using Microsoft.AspNetCore.Identity;

namespace MassWork.Identity.Accounts;

/// <summary>
/// A new installation has nobody to invite anyone. While no operator account is active, the one
/// named by Identity:FirstOperator is created (or its invitation renewed at each start) with the
/// installer's code; once an operator is active the setting does nothing and can be removed.
/// </summary>
public sealed class FirstOperatorSetup(IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options, TimeProvider time, ILogger<FirstOperatorSetup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.FirstOperator is not { } first)
        {
            return;
        }

        if (AccountRules.UserNameError(first.UserName) is not null || !RegionPrefixes.IsValid(first.Region) || first.InvitationCode.Trim().Length < 20)
        {
            throw new InvalidOperationException(
                $"{IdentityServiceOptions.Section}:FirstOperator needs a UserName (lower-case letters, digits, '.', '_', '-'), a Region (a division code prefix) and an InvitationCode of at least 20 characters.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var normalized = scope.ServiceProvider.GetRequiredService<ILookupNormalizer>().NormalizeName(first.UserName);
        await AdvisoryLock.OneAtATimeAsync(db, "identity-first-operator", () => InviteAsync(db, first, normalized, cancellationToken), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task InviteAsync(AccountsDbContext db, FirstOperator first, string normalized, CancellationToken cancellationToken)
    {
        if (await db.Accounts.AnyAsync(a => a.Role == Roles.Operator && a.Status == AccountStatus.Active, cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, cancellationToken);
        if (account is null)
        {
            var id = Guid.CreateVersion7(now);
            account = new StaffAccount
            {
                Id = id,
                SubjectId = id.ToString(),
                UserName = first.UserName,
                NormalizedUserName = normalized,
                DisplayName = first.DisplayName,
                RegionPrefix = first.Region,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                CreatedAt = now,
            };
            db.Accounts.Add(account);
        }
        else if (account.Status != AccountStatus.Invited)
        {
            throw new InvalidOperationException($"{IdentityServiceOptions.Section}:FirstOperator names {first.UserName}, an account that is {account.Status}; name a new login.");
        }

        account.Role = Roles.Operator;
        account.RegionPrefix = first.Region;
        account.Status = AccountStatus.Invited;
        account.InvitationHash = AccountRules.InvitationHash(first.InvitationCode);
        account.InvitationExpiresAt = now + options.Value.InvitationLifetime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the first operator account {UserName} for region {Region}; activate it at /account/activate with the configured invitation code", first.UserName, first.Region);
    }
}
