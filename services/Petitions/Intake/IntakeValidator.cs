using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Intake;

/// <summary>
/// Field rules of an intake that need no database; each problem names its field. Validate with the
/// city's <see cref="PetitionPolicy"/>, which caps a group visit's representatives.
/// </summary>
public sealed class IntakeValidator : RequestValidator<IntakeRequest>
{
    public const int MaxContent = 4000;
    public const int MaxAttachments = 20;
    public const long MaxAttachmentBytes = 100L * 1024 * 1024;

    public IntakeValidator()
    {
        RuleFor(x => x.Channel).Must(EnumNames.Is<Channel>).WithMessage(EnumNames.OneOf<Channel>());
        RuleFor(x => x.MatterType).Must(EnumNames.Is<MatterType>).WithMessage(EnumNames.OneOf<MatterType>());
        RuleFor(x => x.CategoryCode).Must(c => !string.IsNullOrWhiteSpace(c))
            .WithMessage("Required: a code from GET /api/petitions/categories.");
        RuleFor(x => x.Content).RequiredText(MaxContent)
            .WithMessage($"Required, at most {MaxContent} characters: what the petitioner asks, in their words.");
        RuleFor(x => x.RegionCode).Problem((x, region) =>
            region?.Trim() is { } code
                ? code.Length == 12 && code.All(char.IsAsciiDigit) ? null : "The 12-digit division code of the village or town the matter is in."
                : x.HouseholdId is null ? "Required when no householdId is given." : null);
        RuleFor(x => x.Petitioner == null ? null : x.Petitioner.Name).Named("petitioner.name").Problem((x, name) =>
            string.IsNullOrWhiteSpace(name)
                ? x.HouseholdId is null && !(EnumNames.TryParse<MatterType>(x.MatterType, out var type) && type == MatterType.Suggestion)
                    ? "Required for a person not in the household register (a suggestion may be anonymous)."
                    : null
                : name.Trim().Length > 50 ? "At most 50 characters." : null);
        RuleFor(x => x.Petitioner == null ? null : x.Petitioner.Phone).Named("petitioner.phone")
            .Problem(phone => string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Validate(PhoneNumber.Normalize(phone)));
        RuleFor(x => x.MandateReference).Problem((x, mandate) =>
            string.IsNullOrWhiteSpace(mandate)
                ? EnumNames.TryParse<Channel>(x.Channel, out var channel) && channel == Channel.Proxy
                    ? "A proxy submission (代理/代办) names the signed 委托书 it acts under."
                    : null
                : mandate.Trim().Length > 100 ? "At most 100 characters." : null);
        RuleFor(x => x.Representatives ?? 1).Named("representatives").Custom((count, context) =>
        {
            var max = context.Value<PetitionPolicy>().MaxRepresentatives;
            if (count < 1 || count > max)
            {
                context.AddFailure($"Between 1 and {max}: a group visit sends at most {max} representatives (信访工作条例).");
            }
        });
        RuleFor(x => x.Attachments).Must(a => a is null || a.Count <= MaxAttachments).WithMessage($"At most {MaxAttachments}.");
        RuleForEachElement(x => x.Attachments, attachment =>
        {
            attachment.RuleFor(a => a.FileName).RequiredText(200);
            attachment.RuleFor(a => a.ContentType)
                .Must(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= 100 && t.Contains('/'))
                .WithMessage("A media type such as image/jpeg.");
            attachment.RuleFor(a => a.SizeBytes).Must(s => s is >= 0 and <= MaxAttachmentBytes).WithMessage("Required, at most 100 MiB.");
            attachment.RuleFor(a => a.Url)
                .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                .WithMessage("An absolute http(s) URL of the stored file.");
        }, when: x => x.Attachments is null || x.Attachments.Count <= MaxAttachments);
    }

    /// <summary>The request with its values normalised and its enums parsed; call it once validation passed.</summary>
    public static CheckedIntake Checked(IntakeRequest request)
    {
        var name = request.Petitioner?.Name?.Trim();
        var phone = request.Petitioner?.Phone;
        var mandate = request.MandateReference?.Trim();
        EnumNames.TryParse<Channel>(request.Channel, out var channel);
        EnumNames.TryParse<MatterType>(request.MatterType, out var matterType);
        return new CheckedIntake(channel, matterType, request.CategoryCode!.Trim(), request.Content!.Trim(), request.HouseholdId,
            request.RegionCode?.Trim(), string.IsNullOrEmpty(name) ? null : name,
            string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalize(phone),
            string.IsNullOrEmpty(mandate) ? null : mandate, request.Representatives ?? 1,
            [.. (request.Attachments ?? []).Select(a => new Attachment(a.FileName!.Trim(), a.ContentType!.Trim(), a.SizeBytes!.Value, a.Url))]);
    }
}
