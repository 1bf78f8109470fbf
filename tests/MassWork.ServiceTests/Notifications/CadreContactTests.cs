using MassWork.Notifications.Data;
using MassWork.Notifications.Events;
using MassWork.Notifications.Recipients;

namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// A cadre's corrections handled in two batches at once (the consumers take two at a time): the
/// newest entry stays, whichever transaction reads first. CI once lost a new login this way.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class CadreContactTests(NotificationsFixture service)
{
    [Fact]
    public async Task An_older_correction_handled_beside_a_newer_one_does_not_write_back_the_old_login()
    {
        var cadre = Guid.NewGuid();
        var t0 = DateTimeOffset.Parse("2026-06-10T02:00:00Z");
        await using (var setup = Context())
        {
            (await CadreContacts.FindOrAddAsync(setup, cadre, "钟永华", "360702", CancellationToken.None)).Apply("钟永华", "360702", "u-old", null, t0);
            await setup.SaveChangesAsync();
        }

        // The newest correction (a new login) is written but not yet committed…
        await using var newer = Context();
        await using var newerTransaction = await newer.Database.BeginTransactionAsync();
        (await CadreContacts.FindOrAddAsync(newer, cadre, "钟永华", "360702", CancellationToken.None)).Apply("钟永华", "360702", "u-new", null, t0.AddSeconds(3));
        await newer.SaveChangesAsync();

        // …while the other batch takes the two older ones, each saved in turn as the consumer does.
        var older = Task.Run(async () =>
        {
            await using var db = Context();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var at in new[] { t0.AddSeconds(1), t0.AddSeconds(2) })
            {
                (await CadreContacts.FindOrAddAsync(db, cadre, "钟永华", "360702", CancellationToken.None)).Apply("钟永华", "360702", "u-old", null, at);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }

            await transaction.CommitAsync();
        });
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        await newerTransaction.CommitAsync();
        await older.WaitAsync(TimeSpan.FromSeconds(30));

        await using var read = Context();
        var contact = await read.CadreContacts.SingleAsync(c => c.CadreId == cadre);
        Assert.Equal(("u-new", t0.AddSeconds(3)), (contact.UserId, contact.UpdatedAt));
    }

    private NotificationsDbContext Context() =>
        service.Services.CreateScope().ServiceProvider.GetRequiredService<NotificationsDbContext>();
}
