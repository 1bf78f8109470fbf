using System.Security.Cryptography;
using System.Text;
using MassWork.Notifications.Templates;
using Microsoft.Extensions.Options;
using MassWork.Notifications.Providers;

namespace MassWork.Notifications.Messages;

/// <summary>
/// One notice to write: template and values, the number, what it concerns, the key that makes it go
/// once, and the moment its reader must act by, if any (a notice the quiet hours could hold past it is urgent).
/// </summary>
public sealed record MessageRequest(
    string TemplateCode,
    IReadOnlyDictionary<string, string> Values,
    string Phone,
    string RegionCode,
    string IdempotencyKey,
    Guid? HouseholdId = null,
    DateTimeOffset? ActBy = null,
    MessageDisclosure Disclosure = MessageDisclosure.Full);

/// <summary>
/// Turns notices into queued messages in the caller's transaction. A key already used writes
/// nothing, so the same notice never goes twice; a number that is not a valid phone is skipped.
/// </summary>
public sealed class MessageWriter(NotificationsDbContext db, TemplateCatalog templates, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<MessageWriter> logger)
{
    public async Task<int> WriteAsync(IReadOnlyCollection<MessageRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            return 0;
        }

        var keys = requests.Select(r => r.IdempotencyKey).ToList();
        var taken = (await db.Messages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken)).ToHashSet();
        var now = time.GetUtcNow();
        var written = 0;
        foreach (var request in requests.DistinctBy(r => r.IdempotencyKey).Where(r => !taken.Contains(r.IdempotencyKey)))
        {
            var phone = PhoneNumber.Normalize(request.Phone);
            if (!PhoneNumber.IsMobile(phone))
            {
                logger.LogInformation("Notice {Key} skipped: {Phone} is not a mobile number", request.IdempotencyKey, PhoneNumber.Mask(phone));
                continue;
            }

            var (sms, error) = await templates.RenderAsync(request.TemplateCode, request.Values, cancellationToken);
            if (sms is null)
            {
                logger.LogError("Notice {Key} not written: {Error}", request.IdempotencyKey, error);
                continue;
            }

            var message = New(sms, request.Values, phone, request.RegionCode, request.IdempotencyKey, request.HouseholdId, null, now, request.Disclosure);
            message.Urgent |= request.ActBy is { } actBy && options.Value.Quiet.CouldHoldPast(actBy, now);
            db.Messages.Add(message);
            written++;
        }

        return written;
    }

    public SmsMessage New(RenderedSms sms, IReadOnlyDictionary<string, string> values, string phone, string regionCode, string key, Guid? householdId, Guid? broadcastId, DateTimeOffset now,
        MessageDisclosure disclosure = MessageDisclosure.Full) => new()
    {
        Id = Guid.CreateVersion7(now),
        IdempotencyKey = key,
        TemplateCode = sms.Template.Code,
        Params = new Dictionary<string, string>(values),
        Signature = sms.Template.Signature,
        Text = sms.Text,
        Segments = sms.Segments,
        ContentHash = ContentHash(sms.Template.Signature, sms.Text),
        Broadcast = sms.Template.Kind == TemplateKind.Broadcast,
        Urgent = sms.Template.Urgent,
        PhoneCipher = protector.Encrypt(phone),
        PhoneHash = protector.Hash(phone),
        PhoneMasked = PhoneNumber.Mask(phone),
        HouseholdId = householdId,
        Disclosure = disclosure,
        RegionCode = regionCode,
        BroadcastId = broadcastId,
        Status = MessageStatus.Queued,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    public static byte[] ContentHash(string signature, string text) => SHA256.HashData(Encoding.UTF8.GetBytes(TemplateText.Signed(signature, text)))[..16];
}
