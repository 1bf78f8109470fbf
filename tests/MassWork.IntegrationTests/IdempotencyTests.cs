using Npgsql;

namespace MassWork.IntegrationTests;

/// <summary>A create retried with the same Idempotency-Key creates once.</summary>
[Collection(PlatformCollection.Name)]
public sealed class IdempotencyTests(PlatformFixture platform)
{
    private const string Path = "/api/personnel/households";

    [Fact]
    public async Task A_retry_replays_the_stored_response_and_creates_nothing_more()
    {
        var key = Guid.NewGuid().ToString();
        var number = Households.NewNumber();

        using var first = await PostAsync(key, Households.Body(number));
        using var retry = await PostAsync(key, Households.Body(number));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", number)));
        Assert.Equal(1, await platform.CountAsync("personneldb", "SELECT count(*) FROM outbox_messages WHERE payload->>'householdNumber' = @n", ("n", number)));
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422()
    {
        var key = Guid.NewGuid().ToString();
        var number = Households.NewNumber();
        var otherNumber = Households.NewNumber();

        using var first = await PostAsync(key, Households.Body(number));
        using var reused = await PostAsync(key, Households.Body(otherNumber));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal("application/problem+json", reused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await platform.CountAsync("personneldb", "SELECT count(*) FROM households WHERE household_number = @n", ("n", otherNumber)));
    }

    [Fact]
    public async Task A_retry_while_the_first_request_is_still_running_is_a_409()
    {
        var key = Guid.NewGuid().ToString();
        var number = Households.NewNumber();

        // Stand in for a first request still in flight: hold the lock it would hold.
        await using var connection = new NpgsqlConnection(platform.DatabaseConnectionString("personneldb"));
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await using var hold = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@k, 0))", connection, transaction);
            hold.Parameters.AddWithValue("k", $"test-user|POST|{Path}/|{key}");
            await hold.ExecuteNonQueryAsync();

            using var concurrent = await PostAsync(key, Households.Body(number));
            Assert.Equal(HttpStatusCode.Conflict, concurrent.StatusCode);
            Assert.Equal("application/problem+json", concurrent.Content.Headers.ContentType?.MediaType);
            await transaction.RollbackAsync();
        }

        using var afterwards = await PostAsync(key, Households.Body(number));
        Assert.Equal(HttpStatusCode.Created, afterwards.StatusCode);
    }

    [Fact]
    public async Task A_failed_request_stores_no_key_so_a_corrected_retry_can_succeed()
    {
        var key = Guid.NewGuid().ToString();
        var number = Households.NewNumber();

        using var invalid = await PostAsync(key, JsonContent.Create(new { householdNumber = number }));
        using var corrected = await PostAsync(key, Households.Body(number));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Created, corrected.StatusCode);
        var body = await corrected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(number, body.GetProperty("householdNumber").GetString());
    }

    [Fact]
    public async Task A_kept_response_holds_phones_and_ID_numbers_only_masked()
    {
        var number = Households.NewNumber();
        var (phone, idNumber) = (Households.NewPhone(), Households.NewIdNumber());

        using var created = await PostAsync(Guid.NewGuid().ToString(), JsonContent.Create(new
        {
            householdNumber = number, villageCode = Households.Village, address = "和平路12号", status = "Resident",
            members = new[] { new { name = "曾凡荣", relation = "户主", idNumber, phone } },
        }));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        const string kept = "SELECT count(*) FROM idempotency_records WHERE position(convert_to(@text, 'UTF8') in body) > 0";
        Assert.Equal(1, await platform.CountAsync("personneldb", kept, ("text", number)));
        Assert.Equal(1, await platform.CountAsync("personneldb", kept, ("text", $"{phone[..3]}****{phone[^4..]}")));
        Assert.Equal(0, await platform.CountAsync("personneldb", kept, ("text", phone)));
        Assert.Equal(0, await platform.CountAsync("personneldb", kept, ("text", idNumber)));
    }

    private Task<HttpResponseMessage> PostAsync(string key, HttpContent body)
    {
        var request = platform.Request(HttpMethod.Post, Path, platform.Token(), body);
        request.Headers.Add("Idempotency-Key", key);
        return platform.Gateway.SendAsync(request);
    }
}
