using FluentValidation;
using MassWork.Identity.Activation;
using MassWork.Identity.Sessions;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace MassWork.Identity.Accounts;

/// <summary>
/// Account administration for operators, within their region: accounts appear from personnel's
/// cadre register (or are created here for staff without one), are invited with a role, and are
/// disabled with their sessions revoked.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder routes)
    {
        var accounts = routes.MapGroup("/api/identity/accounts").WithTags("Accounts").RequireAuthorization(Permissions.ManageAccounts);
        accounts.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("Staff accounts in your region, optionally of one status or of one cadre");
        accounts.MapGet("/{id:guid}", GetAsync).WithName("GetAccount").WithSummary("One staff account");
        accounts.MapPost("/", CreateAsync).WithName("CreateAccount")
            .WithSummary("Create an account for staff without a cadre record; invite it next")
            .WithIdempotency<AccountsDbContext>();
        accounts.MapPost("/{id:guid}/invitation", InviteAsync).WithName("InviteAccount")
            .WithSummary("Issue an invitation code (shown once; a new one replaces the old) with the account's login name and role; an active account starts over (lost phone, forgotten password)");
        accounts.MapPost("/{id:guid}/disable", DisableAsync).WithName("DisableAccount")
            .WithSummary("Disable an account: no more sign-in, its sessions and tokens revoked");
        return routes;
    }

    internal static async Task<Results<Ok<AccountPage>, ValidationProblem>> ListAsync(
        Caller caller, AccountsDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? status = null, Guid? cadreId = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var query = db.Accounts.AsNoTracking().Where(a => a.RegionPrefix.StartsWith(caller.RegionPrefix));
        if (status is not null)
        {
            if (!EnumNames.TryParse<AccountStatus>(status, out var wanted))
            {
                return Problems.Invalid("status", $"One of: {string.Join(", ", Enum.GetNames<AccountStatus>())}.");
            }

            query = query.Where(a => a.Status == wanted);
        }

        if (cadreId is not null)
        {
            query = query.Where(a => a.CadreId == cadreId);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(a => a.RegionPrefix).ThenBy(a => a.DisplayName).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new AccountPage([.. items.Select(a => Response(a, now))], total));
    }

    internal static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, AccountsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken);
        return account is null ? Problems.NotFound($"Account {id}") : TypedResults.Ok(Response(account, time.GetUtcNow()));
    }

    internal static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest request, Caller caller, AccountsDbContext db, ILookupNormalizer normalizer, IValidator<CreateAccountRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        if (!caller.Covers(request.Region!))
        {
            return Problems.OutsideRegion("region", request.Region!, caller.RegionPrefix);
        }

        if (AccountRules.GrantError(caller, request.Role!) is { } grantError)
        {
            return Problems.Forbidden(grantError);
        }

        var userName = request.UserName!.Trim();
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var account = new StaffAccount
        {
            Id = id,
            SubjectId = id.ToString(),
            UserName = userName,
            NormalizedUserName = normalizer.NormalizeName(userName),
            DisplayName = request.DisplayName!.Trim(),
            Role = request.Role,
            RegionPrefix = request.Region!,
            Status = AccountStatus.Invitable,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = now,
        };
        db.Accounts.Add(account);
        if (await SaveUniqueAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        return TypedResults.Created($"/api/identity/accounts/{account.Id}", Response(account, now));
    }

    internal static async Task<Results<Ok<InvitationResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid id, InviteRequest request, Caller caller, AccountsDbContext db, ILookupNormalizer normalizer, IOptions<IdentityServiceOptions> options,
        IValidator<InviteRequest> validator, SessionRevocation sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id && a.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken);
        if (account is null)
        {
            return Problems.NotFound($"Account {id}");
        }

        var invitation = InviteValidator.WithDefaults(request, account);
        if (validator.Validate(invitation) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var (userName, role, region) = (invitation.UserName!, invitation.Role!, invitation.Region!);
        if (!caller.Covers(region))
        {
            return Problems.OutsideRegion("region", region, caller.RegionPrefix);
        }

        if (AccountRules.GrantError(caller, role) is { } grantError)
        {
            return Problems.Forbidden(grantError);
        }

        if (account.Status is AccountStatus.Disabled)
        {
            return Problems.Conflict("Account disabled", $"The account was disabled ({account.DisabledReason}); it takes no invitation.");
        }

        // An active account invited again starts over: its password and authenticator stop working, its sessions end.
        var restarted = account.Status == AccountStatus.Active;
        if (restarted)
        {
            account.PasswordHash = null;
            account.TotpSecretCipher = null;
            account.LastTotpStep = 0;
            account.ActivatedAt = null;
            account.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        var now = time.GetUtcNow();
        var (code, hash) = AccountRules.NewInvitation();
        account.UserName = userName;
        account.NormalizedUserName = normalizer.NormalizeName(userName);
        account.Role = role;
        account.RegionPrefix = region;
        account.Status = AccountStatus.Invited;
        account.InvitationHash = hash;
        account.InvitationExpiresAt = now + options.Value.InvitationLifetime;
        account.SecurityStamp ??= Guid.NewGuid().ToString("N");
        if (await SaveUniqueAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        if (restarted)
        {
            await sessions.RevokeAllAsync(account.SubjectId, cancellationToken);
        }

        return TypedResults.Ok(new InvitationResponse(account.Id, userName, code, account.InvitationExpiresAt.Value,
            new Uri(options.Value.Issuer!, ActivationPages.Path.TrimStart('/')).ToString()));
    }

    internal static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> DisableAsync(
        Guid id, DisableRequest request, Caller caller, AccountsDbContext db, AccountDisabling disabling, IValidator<DisableRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id && a.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken);
        if (account is null)
        {
            return Problems.NotFound($"Account {id}");
        }

        await disabling.DisableAsync(account, request.Reason!.Trim(), cancellationToken);
        return TypedResults.Ok(Response(account, time.GetUtcNow()));
    }

    private static async Task<ProblemHttpResult?> SaveUniqueAsync(AccountsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Login name taken", "Another account already has this login name.");
        }
    }

    private static AccountResponse Response(StaffAccount a, DateTimeOffset now) => new(
        a.Id, a.UserName, a.DisplayName, a.SubjectId, a.CadreId, a.Role, a.RegionPrefix, a.Status.ToString(),
        Lockout.IsLocked(a, now), a.CreatedAt, a.ActivatedAt, a.DisabledAt, a.DisabledReason);
}
