using MassWork.Petitions.Cases;
using MassWork.ServiceDefaults.Security;

namespace MassWork.Petitions.Intake;

/// <summary>Field checks of an intake that need no database; each problem names its field.</summary>
public static class IntakeValidation
{
    public const int MaxContent = 4000;
    public const int MaxAttachments = 20;
    public const long MaxAttachmentBytes = 100L * 1024 * 1024;

    public static CheckedIntake? Check(IntakeRequest request, int maxRepresentatives, Dictionary<string, string[]> errors)
    {
        var channel = ParseEnum<Channel>(request.Channel, "channel", errors);
        var matterType = ParseEnum<MatterType>(request.MatterType, "matterType", errors);
        if (string.IsNullOrWhiteSpace(request.CategoryCode))
        {
            errors["categoryCode"] = ["Required: a code from GET /api/petitions/categories."];
        }

        var content = request.Content?.Trim();
        if (string.IsNullOrEmpty(content) || content.Length > MaxContent)
        {
            errors["content"] = [$"Required, at most {MaxContent} characters: what the petitioner asks, in their words."];
        }

        var region = request.RegionCode?.Trim();
        if (region is not null && !(region.Length == 12 && region.All(char.IsAsciiDigit)))
        {
            errors["regionCode"] = ["The 12-digit division code of the village or town the matter is in."];
        }
        else if (region is null && request.HouseholdId is null)
        {
            errors["regionCode"] = ["Required when no householdId is given."];
        }

        var name = request.Petitioner?.Name?.Trim();
        if (request.HouseholdId is null && string.IsNullOrEmpty(name) && matterType != MatterType.Suggestion)
        {
            errors["petitioner.name"] = ["Required for a person not in the household register (a suggestion may be anonymous)."];
        }
        else if (name?.Length > 50)
        {
            errors["petitioner.name"] = ["At most 50 characters."];
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(request.Petitioner?.Phone))
        {
            phone = PhoneNumber.Normalize(request.Petitioner.Phone);
            if (PhoneNumber.Validate(phone) is { } problem)
            {
                errors["petitioner.phone"] = [problem];
            }
        }

        var mandate = request.MandateReference?.Trim();
        if (channel == Channel.Proxy && string.IsNullOrEmpty(mandate))
        {
            errors["mandateReference"] = ["A proxy submission (代理/代办) names the signed 委托书 it acts under."];
        }
        else if (mandate?.Length > 100)
        {
            errors["mandateReference"] = ["At most 100 characters."];
        }

        var representatives = request.Representatives ?? 1;
        if (representatives < 1 || representatives > maxRepresentatives)
        {
            errors["representatives"] = [$"Between 1 and {maxRepresentatives}: a group visit sends at most {maxRepresentatives} representatives (信访工作条例)."];
        }

        var attachments = CheckAttachments(request.Attachments ?? [], errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new CheckedIntake(channel!.Value, matterType!.Value, request.CategoryCode!.Trim(), content!, request.HouseholdId, region,
            string.IsNullOrEmpty(name) ? null : name, phone, string.IsNullOrEmpty(mandate) ? null : mandate, representatives, attachments);
    }

    private static List<Attachment> CheckAttachments(IReadOnlyList<AttachmentInput> input, Dictionary<string, string[]> errors)
    {
        if (input.Count > MaxAttachments)
        {
            errors["attachments"] = [$"At most {MaxAttachments}."];
            return [];
        }

        var result = new List<Attachment>();
        for (var i = 0; i < input.Count; i++)
        {
            var a = input[i];
            if (string.IsNullOrWhiteSpace(a?.FileName) || a.FileName.Length > 200)
            {
                errors[$"attachments[{i}].fileName"] = ["Required, at most 200 characters."];
            }
            else if (string.IsNullOrWhiteSpace(a.ContentType) || a.ContentType.Length > 100 || !a.ContentType.Contains('/'))
            {
                errors[$"attachments[{i}].contentType"] = ["A media type such as image/jpeg."];
            }
            else if (a.SizeBytes is not (>= 0 and <= MaxAttachmentBytes))
            {
                errors[$"attachments[{i}].sizeBytes"] = ["Required, at most 100 MiB."];
            }
            else if (a.Url is not null && !(Uri.TryCreate(a.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                errors[$"attachments[{i}].url"] = ["An absolute http(s) URL of the stored file."];
            }
            else
            {
                result.Add(new Attachment(a.FileName.Trim(), a.ContentType.Trim(), a.SizeBytes.Value, a.Url));
            }
        }

        return result;
    }

    private static T? ParseEnum<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (EnumNames.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        errors[field] = [EnumNames.OneOf<T>()];
        return null;
    }
}
