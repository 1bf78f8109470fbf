using MassWork.Contracts.Personnel.V1;

namespace MassWork.ServiceTests.Notifications;

/// <summary>A primary provider that refuses connections: nothing reached it, so the backup sends at once.</summary>
[Collection(UnreachablePrimaryCollection.Name)]
public sealed class FailoverTests(UnreachablePrimaryFixture service)
{
    [Fact]
    public async Task A_message_whose_primary_refuses_connections_goes_through_the_backup_at_once_and_once()
    {
        var phone = $"137{Random.Shared.Next(0, 100_000_000):D8}";
        var pairing = new PairingStarted(Guid.NewGuid(), "Resident", service.Clock.GetUtcNow(), Guid.NewGuid(), $"H{Guid.NewGuid():N}"[..12], "360702001201", "刘桂英",
            [new HouseholdMemberContact(Guid.NewGuid(), "刘桂英", "户主", true, phone)], Guid.NewGuid(), "宋明辉", "13970701234", "赣州市水利局");

        await service.Infrastructure.PublishAsync(pairing, Guid.NewGuid());

        // The clock stands still: a retry on the primary, due later, would never come; only an immediate failover delivers.
        JsonElement message = default;
        await Eventually.HoldsAsync(async () =>
        {
            var messages = (await service.SendAsync(HttpMethod.Get, $"/api/notifications/messages?phone={phone}", service.Token("3607", Roles.Operator, "sms-operator")))
                .GetProperty("messages").EnumerateArray().ToArray();
            message = messages.FirstOrDefault(m => m.GetProperty("status").GetString() is "Sent" or "Delivered");
            return message.ValueKind != JsonValueKind.Undefined;
        }, TimeSpan.FromSeconds(30), "the message sent through the backup");

        Assert.Equal("aliyun-backup", message.GetProperty("provider").GetString());
        Assert.Equal("aliyun-backup", Assert.Single(await service.SimulatedAsync(phone)).GetProperty("account").GetString());
    }
}
