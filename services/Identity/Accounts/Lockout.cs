namespace MassWork.Identity.Accounts;

/// <summary>
/// Lockout after repeated failures (passwords and second-factor codes alike), on the platform's
/// clock rather than the Identity library's own reading of the system time.
/// </summary>
public static class Lockout
{
    public static bool IsLocked(StaffAccount account, DateTimeOffset now) => account.LockoutEnd is { } end && end > now;

    public static void Failed(StaffAccount account, DateTimeOffset now, IdentityServiceOptions options)
    {
        account.AccessFailedCount++;
        if (account.AccessFailedCount >= options.LockoutFailures)
        {
            account.LockoutEnd = now + options.LockoutDuration;
            account.AccessFailedCount = 0;
        }
    }

    public static void Succeeded(StaffAccount account)
    {
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
    }
}
