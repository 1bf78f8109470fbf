using MassTransit;
using MassWork.Contracts.Petitions.V1;
using MassWork.Notifications.Messages;
using MassWork.Notifications.Providers;
using Microsoft.Extensions.Options;

namespace MassWork.Notifications.Events;

public sealed class PetitionRegisteredConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionRegisteredConsumer> logger)
    : IdempotentConsumer<PetitionRegistered, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionRegistered m, ConsumeContext<PetitionRegistered> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionRegistered(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

public sealed class PetitionAcceptedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionAcceptedConsumer> logger)
    : IdempotentConsumer<PetitionAccepted, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionAccepted m, ConsumeContext<PetitionAccepted> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionAccepted(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

public sealed class PetitionNotAcceptedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionNotAcceptedConsumer> logger)
    : IdempotentConsumer<PetitionNotAccepted, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionNotAccepted m, ConsumeContext<PetitionNotAccepted> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionNotAccepted(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

public sealed class PetitionProgressConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionProgressConsumer> logger)
    : IdempotentConsumer<PetitionProgressCalledBack, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionProgressCalledBack m, ConsumeContext<PetitionProgressCalledBack> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionProgress(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

public sealed class PetitionExtendedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionExtendedConsumer> logger)
    : IdempotentConsumer<PetitionExtended, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionExtended m, ConsumeContext<PetitionExtended> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionExtended(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

public sealed class PetitionAnsweredConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionAnsweredConsumer> logger)
    : IdempotentConsumer<PetitionAnswered, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionAnswered m, ConsumeContext<PetitionAnswered> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionAnswered(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

public sealed class PetitionClosedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, IOptions<SmsOptions> options, TimeProvider time, ILogger<PetitionClosedConsumer> logger)
    : IdempotentConsumer<PetitionClosed, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionClosed m, ConsumeContext<PetitionClosed> context) =>
        await writer.WriteAsync([.. EventNotices.PetitionClosed(m with { Case = await PetitionerPhone.FillAsync(Db, protector, m.Case, context.CancellationToken) }, options.Value.PublicQueryUrl)], context.CancellationToken);
}

/// <summary>A handler named in the 五定 is told of the case, when their login belongs to a registered cadre with a phone.</summary>
public sealed class PetitionOwnershipConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<PetitionOwnershipConsumer> logger)
    : IdempotentConsumer<PetitionOwnershipSet, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionOwnershipSet m, ConsumeContext<PetitionOwnershipSet> context)
    {
        if (await OwnerPhone.OfAsync(Db, protector, m.HandlerUserId, context.CancellationToken) is { } phone)
        {
            await writer.WriteAsync([.. EventNotices.OwnerAssigned(m, phone)], context.CancellationToken);
        }
    }
}

public sealed class PetitionDeadlineApproachingConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<PetitionDeadlineApproachingConsumer> logger)
    : IdempotentConsumer<PetitionDeadlineApproaching, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionDeadlineApproaching m, ConsumeContext<PetitionDeadlineApproaching> context)
    {
        if (await OwnerPhone.OfAsync(Db, protector, m.Case.OwnerUserId, context.CancellationToken) is { } phone)
        {
            await writer.WriteAsync([.. EventNotices.OwnerDeadline(m.Case, m.Kind, m.DueAt, missed: false, phone)], context.CancellationToken);
        }
    }
}

public sealed class PetitionDeadlineMissedConsumer(NotificationsDbContext db, MessageWriter writer, PersonalDataProtector protector, TimeProvider time, ILogger<PetitionDeadlineMissedConsumer> logger)
    : IdempotentConsumer<PetitionDeadlineMissed, NotificationsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionDeadlineMissed m, ConsumeContext<PetitionDeadlineMissed> context)
    {
        if (await OwnerPhone.OfAsync(Db, protector, m.Case.OwnerUserId, context.CancellationToken) is { } phone)
        {
            await writer.WriteAsync([.. EventNotices.OwnerDeadline(m.Case, m.Kind, m.DueAt, missed: true, phone)], context.CancellationToken);
        }
    }
}

/// <summary>
/// The phone a petitioner is answered at: the one they gave, opened from its seal; for a matter
/// raised by a registered household without a phone of its own, the household head's (from the
/// recipients read model). An accuser's household is never used.
/// </summary>
internal static class PetitionerPhone
{
    public static async Task<PetitionCaseRef> FillAsync(NotificationsDbContext db, PersonalDataProtector protector, PetitionCaseRef c, CancellationToken cancellationToken)
    {
        if (c.Petitioner is { SealedPhone: { } sealedPhone })
        {
            return c with { Petitioner = new PetitionerContact(protector.Decrypt(sealedPhone)) };
        }

        if (c.Petitioner?.Phone is not null || c.HouseholdId is not { } household || c.IdentityProtected)
        {
            return c;
        }

        var cipher = await db.Recipients.Where(r => r.HouseholdId == household).OrderByDescending(r => r.IsHead).Select(r => r.PhoneCipher).FirstOrDefaultAsync(cancellationToken);
        return cipher is null ? c : c with { Petitioner = new PetitionerContact(protector.Decrypt(cipher)) };
    }
}

internal static class OwnerPhone
{
    public static async Task<string?> OfAsync(NotificationsDbContext db, PersonalDataProtector protector, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }

        var cipher = await db.CadreContacts.Where(c => c.UserId == userId && c.PhoneCipher != null).Select(c => c.PhoneCipher).FirstOrDefaultAsync(cancellationToken);
        return cipher is null ? null : protector.Decrypt(cipher);
    }
}
