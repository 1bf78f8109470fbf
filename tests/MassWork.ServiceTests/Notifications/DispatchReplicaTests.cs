using MassWork.Notifications.Data;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Providers;
using MassWork.Notifications.Templates;

namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// The dispatcher's rounds run by the test, interleaved as replicas side by side would run them,
/// with the provider's answers held back where the order matters: an SMS goes once.
/// </summary>
[Collection(DispatchByTestCollection.Name)]
public sealed class DispatchReplicaTests(DispatchByTestFixture service)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static string NewPhone() => $"137{Random.Shared.Next(0, 100_000_000):D8}";

    [Fact]
    public async Task Two_replicas_recovering_the_same_in_doubt_message_send_it_once()
    {
        var phone = NewPhone();
        var id = await InDoubtAsync(phone);
        var (first, second) = (service.Holds.Add("QuerySendDetails", phone), service.Holds.Add("QuerySendDetails", phone));

        // Replica A looks the message up; the answer ("never took it") is on its way.
        var a = service.Dispatcher.RecoverAsync(CancellationToken.None);
        await first.Reached.WaitAsync(Wait);

        // Replica B recovers meanwhile. Either it leaves A's message alone, or it looks it up too and
        // hears the same answer, late.
        var b = service.Dispatcher.RecoverAsync(CancellationToken.None);
        await Task.WhenAny(b, second.Reached).WaitAsync(Wait);

        // A queues the message again, and it goes.
        first.Release();
        await a;
        await service.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        Assert.Single(await service.SimulatedAsync(phone));

        second.Release();
        await b;
        service.Clock.Advance(TimeSpan.FromMinutes(1));
        await service.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Single(await service.SimulatedAsync(phone));
        Assert.Contains((await MessageAsync(id)).Status, new[] { MessageStatus.Sent, MessageStatus.Delivered });
    }

    [Fact]
    public async Task A_message_whose_call_is_still_out_is_not_taken_as_in_doubt_however_long_the_call_takes()
    {
        var phone = NewPhone();
        var id = await QueuedAsync(phone);
        var call = service.Holds.Add("SendSms", phone);

        // Replica A sends: the provider has taken the call, and its answer is slow in coming.
        var sending = service.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        await call.Reached.WaitAsync(Wait);

        // Longer than the lease goes by; A, still waiting, renews it.
        service.Clock.Advance(SmsMessage.SendingLease + TimeSpan.FromMinutes(1));
        await Eventually.HoldsAsync(async () => (await MessageAsync(id)).LeaseExpiresAt > service.Clock.GetUtcNow(), Wait, "the waiting sender's lease renewed");

        // Replica B's recovery leaves A's message alone.
        await service.Dispatcher.RecoverAsync(CancellationToken.None);
        Assert.Equal(MessageStatus.Sending, (await MessageAsync(id)).Status);

        call.Release();
        await sending;
        Assert.Contains((await MessageAsync(id)).Status, new[] { MessageStatus.Sent, MessageStatus.Delivered });
        Assert.Single(await service.SimulatedAsync(phone));
    }

    private async Task<Guid> QueuedAsync(string phone)
    {
        await using var scope = service.Services.CreateAsyncScope();
        var key = $"test:{Guid.NewGuid()}";
        await scope.ServiceProvider.GetRequiredService<MessageWriter>().WriteAsync(
            [new MessageRequest(DefaultTemplates.PetitionClosed, new Dictionary<string, string> { ["number"] = "360702-2026-000123", ["link"] = "https://masswork.example.gov.cn/q/360702-2026-000123" }, phone, "360702001201", key)], CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await db.SaveChangesAsync();
        return await db.Messages.Where(m => m.IdempotencyKey == key).Select(m => m.Id).SingleAsync();
    }

    /// <summary>A message whose call's answer was lost before the provider took it: it is in doubt, and the provider has no such send.</summary>
    private async Task<Guid> InDoubtAsync(string phone)
    {
        var id = await QueuedAsync(phone);
        await using var scope = service.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var providers = scope.ServiceProvider.GetRequiredService<ProviderSet>();
        var message = await db.Messages.SingleAsync(m => m.Id == id);
        var now = service.Clock.GetUtcNow();
        message.Claim(attempt => providers.ForAttempt(attempt).Name, now);
        message.SendBatchId = Guid.CreateVersion7(now);
        message.Doubt("the answer was lost");
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<SmsMessage> MessageAsync(Guid id)
    {
        await using var scope = service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Messages.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}
