using MassWork.Identity.Sessions;

namespace MassWork.Identity.Accounts;

/// <summary>Disabling an account: no sign-in, no refresh, and every session it has revoked with its tokens.</summary>
public sealed class AccountDisabling(AccountsDbContext db, SessionRevocation sessions, TimeProvider time)
{
    public async Task DisableAsync(StaffAccount account, string reason, CancellationToken cancellationToken)
    {
        if (account.Status != AccountStatus.Disabled)
        {
            account.Status = AccountStatus.Disabled;
            account.DisabledAt = time.GetUtcNow();
            account.DisabledReason = reason;
            account.InvitationHash = null;
            account.InvitationExpiresAt = null;
            await db.SaveChangesAsync(cancellationToken);
        }

        await sessions.RevokeAllAsync(account.SubjectId, cancellationToken);
    }
}
