using MassWork.Identity.Audit;

namespace MassWork.ServiceTests.Identity;

/// <summary>The chaining consumer takes records in batches and chains each once, however often it arrives.</summary>
[Collection(IdentityCollection.Name)]
public sealed class AuditBatchTests(IdentityFixture service)
{
    [Fact]
    public async Task A_record_delivered_again_is_chained_once_whether_in_the_same_batch_or_a_later_one()
    {
        var record = IdentityFixture.Record(service.Clock.GetUtcNow(), "duplicate");
        var messageId = Guid.NewGuid();
        await service.Infrastructure.PublishAsync(record, messageId);
        await Eventually.HoldsAsync(async () => await CountAsync(record.AuditId) == 1, TimeSpan.FromSeconds(60), "the record chained");

        // The same message again, twice at once, and the same record under another message id (sent anew by its service).
        await service.Infrastructure.PublishAsync(record, messageId, times: 2);
        await service.Infrastructure.PublishAsync(record, Guid.NewGuid(), times: 2);
        var twice = IdentityFixture.Record(service.Clock.GetUtcNow(), "three-at-once");
        await service.Infrastructure.PublishAsync(twice, Guid.NewGuid(), times: 3);
        // Exactly once is judged after a later record, sent after the duplicates, is chained.
        await service.ChainAsync(IdentityFixture.Record(service.Clock.GetUtcNow(), "after-the-duplicates"));

        Assert.Equal(1, await CountAsync(record.AuditId));
        Assert.Equal(1, await CountAsync(twice.AuditId));
        var verification = await service.SendAsync(HttpMethod.Get, "/api/identity/audit/verify", service.Token("3607", Roles.AuditAdmin, "test-auditor"));
        Assert.True(verification.GetProperty("intact").GetBoolean(), verification.GetRawText());
    }

    private Task<int> CountAsync(Guid auditId) => service.ReadAsync(db => db.AuditEntries.CountAsync(e => e.AuditId == auditId));
}
