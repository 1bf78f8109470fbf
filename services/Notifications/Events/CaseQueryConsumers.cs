using MassTransit;
using MassWork.Contracts.Petitions.V1;
using MassWork.Notifications.Data;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Templates;
using MassWork.ServiceDefaults.Messaging;
using MassWork.ServiceDefaults.Security;

namespace MassWork.Notifications.Events;

/// <summary>
/// A petitioner's query code goes at once (urgent: quiet hours do not hold it) to the phone the case
/// was registered with, and to no household's history; a code that expired before it could go is dropped.
/// </summary>
public sealed class CaseQueryCodeRequestedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<CaseQueryCodeRequestedConsumer> logger)
    : IdempotentConsumer<CaseQueryCodeRequested, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CaseQueryCodeRequested m, ConsumeContext<CaseQueryCodeRequested> context)
    {
        if (Time.GetUtcNow() >= m.ExpiresAt)
        {
            logger.LogInformation("Query code {CodeId} expired before it could be sent", m.CodeId);
            return;
        }

        var code = protector.Decrypt(Convert.FromBase64String(m.CodeCipher));
        var phone = protector.Decrypt(Convert.FromBase64String(m.PhoneCipher));
        await writer.WriteAsync(
            [new MessageRequest(DefaultTemplates.CaseQueryCode, new Dictionary<string, string> { ["code"] = code }, phone, m.RegionCode, $"case-query-code:{m.CodeId}", ActBy: m.ExpiresAt)],
            context.CancellationToken);
    }
}
