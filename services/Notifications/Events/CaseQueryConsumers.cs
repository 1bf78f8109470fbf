using MassTransit;
using MassWork.Contracts.Petitions.V1;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Templates;

namespace MassWork.Notifications.Events;

/// <summary>
/// A petitioner's query code goes at once (urgent: quiet hours do not hold it) to the phone the case
/// was registered with (or the household member's it was asked with), and to no household's history; a code that expired before it could go is dropped.
/// </summary>
public sealed class CaseQueryCodeRequestedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<CaseQueryCodeRequestedConsumer> logger)
    : IdempotentConsumer<CaseQueryCodeRequested, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CaseQueryCodeRequested m, ConsumeContext<CaseQueryCodeRequested> context)
    {
        if (OneTimeCodes.ExpiredBeforeSending(Time.GetUtcNow(), m.ExpiresAt))
        {
            logger.LogInformation("Query code {CodeId} expired before it could be sent", m.CodeId);
            return;
        }

        // The case's own phone, or, for a household's matter, the member's phone it was asked with.
        var asked = Convert.FromBase64String(m.AskedPhoneHash);
        var cipher = m.PhoneCipher is { } own
            ? Convert.FromBase64String(own)
            : m.HouseholdId is { } household
                ? await Db.Recipients.Where(r => r.HouseholdId == household && r.PhoneHash == asked).Select(r => r.PhoneCipher).FirstOrDefaultAsync(context.CancellationToken)
                : null;
        if (cipher is null)
        {
            logger.LogInformation("Query code {CodeId} not sent: no member of the case's household has the phone it was asked with", m.CodeId);
            return;
        }

        var code = protector.Decrypt(Convert.FromBase64String(m.CodeCipher));
        var phone = protector.Decrypt(cipher);
        await writer.WriteAsync(
            [new MessageRequest(DefaultTemplates.CaseQueryCode, OneTimeCodes.Values(code, m.RequestedAt, m.ExpiresAt), phone, m.RegionCode, $"case-query-code:{m.CodeId}", ActBy: m.ExpiresAt,
                Disclosure: MessageDisclosure.Withheld)],
            context.CancellationToken);
    }
}
