using MassWork.Contracts.Personnel.V1;

namespace MassWork.ServiceTests.Visits;

/// <summary>
/// Every consumer takes its messages in batches (IdempotentConsumer): what a user relies on is that
/// each event still takes effect exactly once, and that one bad event holds back none of the others.
/// The visits service's household read model stands for all of them.
/// </summary>
[Collection(VisitsCollection.Name)]
public sealed class BatchConsumerTests(VisitsFixture service)
{
    [Fact]
    public async Task A_poison_message_holds_back_none_of_its_batch_and_goes_to_the_error_queue_and_a_duplicate_takes_effect_once()
    {
        var prefix = $"B{Guid.NewGuid():N}"[..9];
        var good = Enumerable.Range(0, 30).Select(i => (Message: Household($"{prefix}{i:D3}", "王秀兰"), MessageId: Guid.NewGuid())).ToList();
        // A head's name longer than any register holds: the read model's column refuses it, every time.
        var poison = (Message: Household($"{prefix}bad", new string('王', 60)), MessageId: Guid.NewGuid());
        var errorsBefore = await service.Infrastructure.QueueDepthAsync("visits-household-registered_error");

        await service.Infrastructure.PublishAllAsync([.. good[..15], poison, good[0]]);
        await Eventually.HoldsAsync(async () => await HouseholdsAsync(prefix) == 15, TimeSpan.FromSeconds(60), "the poison's batch-mates in the read model");

        // Later messages on the same queue, while the poison's batch is held for its retries (about 14 s).
        await service.Infrastructure.PublishAllAsync([.. good[15..], good[3]]);
        await Eventually.HoldsAsync(async () => await HouseholdsAsync(prefix) == 30, TimeSpan.FromSeconds(60), "the 30 good households in the read model");
        Assert.Equal(errorsBefore, await service.Infrastructure.QueueDepthAsync("visits-household-registered_error"));
        // A batch fails as a whole (MassTransit's rule), so the messages it held go to the error queue
        // together; those that took effect are in the inbox, and sending them back changes nothing.
        await Eventually.HoldsAsync(async () => await service.Infrastructure.QueueDepthAsync("visits-household-registered_error") > errorsBefore,
            TimeSpan.FromSeconds(90), "the poison message in the error queue after its retries");
        Assert.Equal(30, await InboxAsync([.. good.Select(g => g.MessageId)]));
        Assert.Equal(0, await InboxAsync([poison.MessageId]));
        Assert.Equal(30, await HouseholdsAsync(prefix));
    }

    private static HouseholdRegistered Household(string number, string head) =>
        new(Guid.NewGuid(), number, "360702003250", head, DateTimeOffset.Parse("2026-03-02T08:00:00+08:00"), "和平路12号", "Resident", [], []);

    private Task<long> HouseholdsAsync(string prefix) =>
        service.Infrastructure.CountAsync("visitsdb", "SELECT count(*) FROM households WHERE household_number LIKE @p", ("p", prefix + "%"));

    private Task<long> InboxAsync(Guid[] messageIds) =>
        service.Infrastructure.CountAsync("visitsdb", "SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@ids)", ("ids", messageIds));
}
