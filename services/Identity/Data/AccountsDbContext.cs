using MassWork.Identity.Accounts;
using MassWork.Identity.Audit;
using MassWork.Identity.SignIn;
using MassWork.ServiceDefaults.Data;
using OpenIddict.EntityFrameworkCore.Models;

namespace MassWork.Identity.Data;

/// <summary>
/// identitydb: staff accounts (ASP.NET Core Identity's user, mapped here rather than through
/// IdentityDbContext so the context keeps the platform's outbox and inbox), pending second-factor
/// challenges, OpenIddict's applications, authorizations (sessions) and tokens, and the platform's
/// audit log (one hash chain for every service) with its archive anchors.
/// </summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<StaffAccount> Accounts => Set<StaffAccount>();

    public DbSet<SignInChallenge> SignInChallenges => Set<SignInChallenge>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditArchive> AuditArchives => Set<AuditArchive>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StaffAccount>(a =>
        {
            a.ToTable("staff_accounts");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.UserName).HasMaxLength(64);
            a.Property(x => x.NormalizedUserName).HasMaxLength(64);
            a.Property(x => x.Email).HasMaxLength(256);
            a.Property(x => x.NormalizedEmail).HasMaxLength(256);
            a.Property(x => x.ConcurrencyStamp).IsConcurrencyToken();
            a.Property(x => x.SubjectId).HasMaxLength(100);
            a.Property(x => x.DisplayName).HasMaxLength(50);
            a.Property(x => x.Role).HasMaxLength(40);
            a.Property(x => x.RegionPrefix).HasMaxLength(12);
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            a.Property(x => x.DisabledReason).HasMaxLength(200);
            a.Ignore(x => x.CanSignIn);
            a.HasIndex(x => x.NormalizedUserName).IsUnique();
            a.HasIndex(x => x.SubjectId).IsUnique();
            a.HasIndex(x => x.CadreId).IsUnique();
            a.HasIndex(x => x.InvitationHash).IsUnique();
            a.HasIndex(x => x.RegionPrefix).HasOperators("varchar_pattern_ops");
        });
        modelBuilder.Entity<SignInChallenge>(c =>
        {
            c.HasKey(x => x.Id);
            c.Property(x => x.Id).ValueGeneratedNever();
            c.Property(x => x.Method).HasConversion<string>().HasMaxLength(10);
            c.HasIndex(x => x.TokenHash).IsUnique();
            c.HasIndex(x => x.ExpiresAt);
        });

        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.Entity<AuditArchive>(a =>
        {
            a.ToTable("audit_archives");
            a.HasKey(x => x.Id);
            a.Property(x => x.LastHash).HasMaxLength(64).IsFixedLength();
            a.Property(x => x.FileSha256).HasMaxLength(64).IsFixedLength();
            a.Property(x => x.File).HasMaxLength(200);
        });

        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("openiddict_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("openiddict_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("openiddict_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>(t =>
        {
            t.ToTable("openiddict_tokens");
            // Every service polls the revoked access tokens that have not expired yet.
            t.HasIndex(x => x.ExpirationDate).HasFilter("status = 'revoked'").HasDatabaseName("ix_openiddict_tokens_revoked_access");
        });
    }
}
