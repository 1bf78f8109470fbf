namespace MassWork.ServiceTests.Notifications;

/// <summary>
/// Delivery receipts pushed by the provider are taken as they come: one that names no phone, or a
/// null entry, is acknowledged with the rest (the provider would otherwise push the batch again and
/// again), never answered with a 500.
/// </summary>
[Collection(NotificationsCollection.Name)]
public sealed class ProviderReceiptTests(NotificationsFixture service)
{
    [Fact]
    public async Task A_batch_of_receipts_with_one_naming_no_phone_and_a_null_entry_is_acknowledged()
    {
        var batch = Guid.NewGuid().ToString("N");
        var body = $$"""
            [
              {"out_id":"{{batch}}","success":true},
              null,
              {"out_id":"{{batch}}","phone_number":"13907970000","success":false,"err_code":"X","err_msg":"号码停机"}
            ]
            """;

        using var response = await service.Client.PostAsync($"/api/notifications/providers/aliyun-primary/reports?token={Uri.EscapeDataString(service.CallbackToken)}",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(0, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetInt32());
    }
}
