using System.Globalization;
using System.Net.Http.Json;

namespace MassWork.SmsSimulator;

/// <summary>
/// Pushes delivery receipts the way Aliyun does, some time after the send, in batches, in the
/// SmsReport format; a push that fails is tried again.
/// </summary>
public sealed class ReceiptPusher(SimulatorState state, SimulatorOptions options, IHttpClientFactory httpClients, TimeProvider time, ILogger<ReceiptPusher> logger) : BackgroundService
{
    private const int PushSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var http = httpClients.CreateClient();
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = new List<PendingReceipt>();
            var now = time.GetUtcNow();
            while (due.Count < PushSize * 8 && state.Receipts.TryPeek(out var next) && next.Due <= now && state.Receipts.TryDequeue(out var receipt))
            {
                due.Add(receipt);
            }

            if (due.Count == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
                continue;
            }

            foreach (var group in due.GroupBy(r => r.Account))
            {
                foreach (var chunk in group.Chunk(PushSize))
                {
                    await PushAsync(http, group.Key, chunk, stoppingToken);
                }
            }
        }
    }

    private async Task PushAsync(HttpClient http, string account, PendingReceipt[] chunk, CancellationToken cancellationToken)
    {
        var reports = chunk.Select(r =>
        {
            r.Message.Delivered ??= Random.Shared.NextDouble() >= options.DeliveryFailureRate;
            var delivered = r.Message.Delivered.Value;
            return new
            {
                phone_number = r.Message.Phone,
                send_time = Local(r.Message.SentAt),
                report_time = Local(time.GetUtcNow()),
                success = delivered,
                err_code = delivered ? "DELIVERED" : "MK:0001",
                err_msg = delivered ? "用户接收成功" : "用户手机关机",
                sms_size = "1",
                biz_id = r.Message.BizId,
                out_id = r.Message.OutId,
            };
        }).ToList();
        try
        {
            using var response = await http.PostAsJsonAsync($"{options.CallbackUrl.TrimEnd('/')}/api/notifications/providers/{account}/reports?token={Uri.EscapeDataString(options.CallbackToken)}", reports, cancellationToken);
            response.EnsureSuccessStatusCode();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Receipt push of {Count} failed ({Error}); trying again", chunk.Length, e.Message);
            var retryAt = time.GetUtcNow().AddSeconds(2);
            foreach (var receipt in chunk)
            {
                state.Receipts.Enqueue(receipt with { Due = retryAt });
            }
        }
    }

    private static string Local(DateTimeOffset t) =>
        TimeZoneInfo.ConvertTime(t, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
