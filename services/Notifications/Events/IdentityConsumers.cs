using MassTransit;
using MassWork.Contracts.Identity.V1;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Templates;

namespace MassWork.Notifications.Events;

/// <summary>
/// A sign-in code goes at once (urgent: quiet hours do not hold it) to the phone the cadre
/// register holds for the account's cadre; a code that expired before it could go is dropped.
/// </summary>
public sealed class SignInCodeRequestedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<SignInCodeRequestedConsumer> logger)
    : IdempotentConsumer<SignInCodeRequested, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(SignInCodeRequested m, ConsumeContext<SignInCodeRequested> context)
    {
        if (OneTimeCodes.ExpiredBeforeSending(Time.GetUtcNow(), m.ExpiresAt))
        {
            logger.LogInformation("Sign-in code of challenge {ChallengeId} expired before it could be sent", m.ChallengeId);
            return;
        }

        var contact = await Db.CadreContacts.AsNoTracking().SingleOrDefaultAsync(c => c.CadreId == m.CadreId, context.CancellationToken);
        if (contact is not { Retired: false, PhoneCipher: { } phone })
        {
            logger.LogWarning("Sign-in code of challenge {ChallengeId} not sent: cadre {CadreId} has no phone on record", m.ChallengeId, m.CadreId);
            return;
        }

        var code = protector.Decrypt(Convert.FromBase64String(m.CodeCipher));
        await writer.WriteAsync(
            [new MessageRequest(DefaultTemplates.SignInCode, OneTimeCodes.Values(code, m.RequestedAt, m.ExpiresAt), protector.Decrypt(phone), m.RegionCode, $"sign-in-code:{m.ChallengeId}:{m.Attempt}", ActBy: m.ExpiresAt,
                Disclosure: MessageDisclosure.TextWithheld)],
            context.CancellationToken);
    }
}
