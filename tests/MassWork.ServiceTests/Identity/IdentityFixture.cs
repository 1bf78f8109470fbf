using System.Security.Cryptography;
using MassWork.Contracts.Audit.V1;
using MassWork.Identity.Audit;
using MassWork.Identity.Data;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceTests.Identity;

/// <summary>
/// The identity service in this process on the test's clock, with its own keys and an archive folder
/// of its own. The audit archiver does not run by itself: a test runs it once the clock is where it wants.
/// </summary>
public class IdentityFixture : ServiceFixture
{
    private ServiceHost<AccountsDbContext>? _service;

    /// <summary>The service's own registrations, to run a piece of it (a start-up job) as another pod would.</summary>
    public IServiceProvider Services => _service!.Services;

    public string ArchiveFolder => Path.Combine(Infrastructure.Directory, "audit-archive");

    public AuditArchiver Archiver => _service!.Services.GetRequiredService<AuditArchiver>();

    protected override async Task StartServiceAsync()
    {
        var settings = CommonSettings("identitydb", await Infrastructure.CreateDatabaseAsync("identitydb"));
        using var signingKey = RSA.Create(2048);
        settings["Identity:Issuer"] = "http://localhost/";
        settings["Identity:SigningKey"] = signingKey.ExportPkcs8PrivateKeyPem();
        settings["Identity:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        settings["AuditStore:ArchiveFolder"] = ArchiveFolder;
        settings["AuditStore:RetentionDays"] = "180";
        _service = new ServiceHost<AccountsDbContext>(settings, Clock, services: services =>
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(AuditArchiver)));
            services.AddSingleton<AuditArchiver>();
        });
        Client = _service.CreateClient();
    }

    protected override async ValueTask StopServiceAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    /// <summary>Reads the identity database through the service's own context.</summary>
    public async Task<T> ReadAsync<T>(Func<AccountsDbContext, Task<T>> read)
    {
        await using var scope = _service!.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
    }

    /// <summary>Every record of the live log, in chain order.</summary>
    public Task<List<AuditEntry>> LiveEntriesAsync() => ReadAsync(db => db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync());

    /// <summary>An audit record as a service would send it, made at the instant given.</summary>
    public static AuditRecorded Record(DateTimeOffset at, string key) => new(
        Guid.CreateVersion7(), "MassWork.Petitions", at, "town-clerk", ["town-staff"], "360702003", "PUT /api/petitions/categories/{code}", null,
        [new AuditedChange("Category", key, "Modified", new Dictionary<string, string?> { ["Name"] = "饮水安全" }, new Dictionary<string, string?> { ["Name"] = key })]);

    /// <summary>Sends the records through the broker, one by one in the order given, and waits until each is chained.</summary>
    public async Task<List<Guid>> ChainAsync(params AuditRecorded[] records)
    {
        foreach (var record in records)
        {
            await Infrastructure.PublishAsync(record, Guid.NewGuid());
        }

        var ids = records.Select(r => r.AuditId).ToList();
        await Eventually.HoldsAsync(
            async () => await ReadAsync(db => db.AuditEntries.CountAsync(e => ids.Contains(e.AuditId))) == ids.Count,
            TimeSpan.FromSeconds(60), $"{ids.Count} audit records chained");
        return ids;
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "identity";
}
