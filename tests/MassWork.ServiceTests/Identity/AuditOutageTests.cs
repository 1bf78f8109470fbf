namespace MassWork.ServiceTests.Identity;

/// <summary>The identity service on servers of its own, so stopping its database disturbs no other test.</summary>
public sealed class OutageIdentityFixture : IdentityFixture;

[CollectionDefinition(Name)]
public sealed class IdentityOutageCollection : ICollectionFixture<OutageIdentityFixture>
{
    public const string Name = "identity-outage";
}

/// <summary>Audit records that arrive while the database is down are held, not dropped nor sent to the error queue, and chained once it is back.</summary>
[Collection(IdentityOutageCollection.Name)]
public sealed class AuditOutageTests(OutageIdentityFixture service)
{
    /// <summary>Longer than every retry the platform gives a failing message (about 15 s) before the error queue.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Records_sent_while_the_database_is_down_are_chained_once_it_is_back()
    {
        var records = new[] { IdentityFixture.Record(service.Clock.GetUtcNow(), "outage-1"), IdentityFixture.Record(service.Clock.GetUtcNow(), "outage-2") };
        await service.Infrastructure.StopDatabaseAsync();
        try
        {
            foreach (var record in records)
            {
                await service.Infrastructure.PublishAsync(record, Guid.NewGuid());
            }

            await Task.Delay(Outage);
        }
        finally
        {
            await service.Infrastructure.StartDatabaseAsync();
        }

        var ids = records.Select(r => r.AuditId).ToList();
        await Eventually.HoldsAsync(async () =>
        {
            try
            {
                return await service.ReadAsync(db => db.AuditEntries.CountAsync(e => ids.Contains(e.AuditId))) == ids.Count;
            }
            catch (Exception e) when (e is InvalidOperationException or NpgsqlException)
            {
                // The first connections after the restart may still find the server going up.
                return false;
            }
        }, TimeSpan.FromSeconds(60), "the records held during the outage chained");
        var verification = await service.SendAsync(HttpMethod.Get, "/api/identity/audit/verify", service.Token("3607", MassWork.ServiceDefaults.Auth.Roles.AuditAdmin));
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.GetRawText());
    }
}
