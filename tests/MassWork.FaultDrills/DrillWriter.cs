using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassWork.IntegrationTests.Infrastructure;

namespace MassWork.FaultDrills;

/// <summary>A household registered by a drill: its id and the number it was registered under.</summary>
public sealed record DrillHousehold(Guid Id, string Number);

/// <summary>
/// Registers households through the gateway as a well-behaved client does: each with an
/// Idempotency-Key of its own, sent again with the same key after a 503, a 502/504 from the gateway,
/// a 409 (the first attempt still in progress) or a dropped connection, until it is answered 201.
/// So every household is registered once, whatever the drill breaks meanwhile.
/// </summary>
public sealed class DrillWriter(PlatformFixture platform)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private static readonly HashSet<HttpStatusCode> TryAgain =
        [HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadGateway, HttpStatusCode.GatewayTimeout, HttpStatusCode.Conflict];

    private int _accepted;
    private int _retried;

    /// <summary>Households answered 201 so far.</summary>
    public int Accepted => Volatile.Read(ref _accepted);

    /// <summary>Households answered 201 only after an attempt that failed.</summary>
    public int Retried => Volatile.Read(ref _retried);

    public async Task<IReadOnlyList<DrillHousehold>> RegisterAsync(int count, int concurrency)
    {
        var token = platform.Token();
        var registered = new ConcurrentBag<DrillHousehold>();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, cancellationToken) =>
        {
            var number = Households.NewNumber();
            var key = Guid.NewGuid().ToString();
            var giveUpAt = DateTime.UtcNow + GiveUpAfter;
            for (var attempt = 1; ; attempt++)
            {
                string failure;
                using var request = platform.Request(HttpMethod.Post, "/api/personnel/households", token, Households.Body(number));
                request.Headers.Add("Idempotency-Key", key);
                try
                {
                    using var response = await platform.Gateway.SendAsync(request, cancellationToken);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
                        registered.Add(new DrillHousehold(id, number));
                        Interlocked.Increment(ref _accepted);
                        if (attempt > 1)
                        {
                            Interlocked.Increment(ref _retried);
                        }

                        return;
                    }

                    failure = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
                    if (!TryAgain.Contains(response.StatusCode))
                    {
                        throw new InvalidOperationException($"Household {number}: {failure}");
                    }
                }
                catch (HttpRequestException e)
                {
                    failure = e.Message;
                }

                if (DateTime.UtcNow > giveUpAt)
                {
                    throw new InvalidOperationException($"Household {number} not registered after {attempt} attempts: {failure}");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        });
        return [.. registered];
    }
}
