using MassWork.Personnel.People;
using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Households;

/// <summary>
/// A household as a clerk submits it (POST and PUT bodies). Fields are nullable so a missing one
/// is reported by name rather than failing the whole body.
/// </summary>
public sealed record HouseholdForm(
    string? HouseholdNumber,
    string? VillageCode,
    string? Address,
    string? HeadName,
    string? Status,
    Guid? GroupId = null,
    Guid? CompoundId = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<MemberForm>? Members = null);

public sealed record MemberForm(string? Name, string? Relation, string? IdNumber, string? Phone);

/// <summary>The checked household fields (members are checked separately).</summary>
public sealed record HouseholdDetails(
    string HouseholdNumber,
    string VillageCode,
    Guid? GroupId,
    Guid? CompoundId,
    string Address,
    HouseholdStatus Status,
    IReadOnlyList<string> Tags);

/// <summary>A checked member with normalised plain values, before encryption.</summary>
public sealed record ValidMember(string Name, string Relation, string? IdNumber, string? Phone)
{
    public bool IsHead => Relation == HouseholdMember.HeadRelation;
}

public static class HouseholdValidation
{
    public const int MaxHouseholdNumberLength = 32;
    public const int MaxAddressLength = 200;
    public const int MaxNameLength = 50;
    public const int MaxRelationLength = 20;
    public const int MaxMembers = 30;

    /// <summary>
    /// Checks every field and returns either the household or all errors keyed by field name
    /// (members[i].idNumber …), so the clerk learns everything wrong at once. Without members, the
    /// head is recorded from headName alone.
    /// </summary>
    public static (HouseholdDetails? Details, IReadOnlyList<ValidMember> Members, Dictionary<string, string[]> Errors) Validate(
        HouseholdForm form, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var number = form.HouseholdNumber?.Trim();
        var village = form.VillageCode?.Trim();
        var address = form.Address?.Trim();
        var headName = form.HeadName?.Trim();

        if (NumberError(number) is { } numberError)
        {
            errors["householdNumber"] = [numberError];
        }

        if (string.IsNullOrEmpty(village))
        {
            errors["villageCode"] = ["Required."];
        }
        else if (!DivisionCode.IsVillage(village))
        {
            errors["villageCode"] = ["Must be the 12-digit division code of a village (town and village parts not 000)."];
        }

        Require(errors, "address", address, MaxAddressLength);

        var status = HouseholdStatus.Resident;
        if (form.Status is not null && !HouseholdStatusNames.TryParse(form.Status, out status))
        {
            errors["status"] = [$"One of: {string.Join(", ", Enum.GetNames<HouseholdStatus>())} (or 常住, 外出务工, 流动人口)."];
        }

        var tags = (form.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (tags.FirstOrDefault(t => !HouseholdTags.Known.Contains(t)) is { } unknownTag)
        {
            errors["tags"] = [$"Unknown tag '{unknownTag}'. Known tags: {string.Join("、", HouseholdTags.Known)}."];
        }

        var members = ValidateMembers(form.Members, headName, today, errors);

        return errors.Count > 0
            ? (null, [], errors)
            : (new HouseholdDetails(number!, village!, form.GroupId, form.CompoundId, address!, status, tags), members, errors);
    }

    public static string? NumberError(string? number) =>
        string.IsNullOrEmpty(number) ? "Required."
        : number.Length > MaxHouseholdNumberLength ? $"At most {MaxHouseholdNumberLength} characters."
        : number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? null
        : "Use letters, digits and '-' only.";

    /// <summary>Null when valid; the same rule the bulk import applies to each line.</summary>
    public static string? IdNumberError(string? idNumber, DateOnly today, out string? normalized)
    {
        normalized = string.IsNullOrWhiteSpace(idNumber) ? null : IdCardNumber.Normalize(idNumber);
        return normalized is null ? null : IdCardNumber.Validate(normalized, today);
    }

    public static string? PhoneError(string? phone, out string? normalized)
    {
        normalized = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalize(phone);
        return normalized is null ? null : PhoneNumber.Validate(normalized);
    }

    private static List<ValidMember> ValidateMembers(
        IReadOnlyList<MemberForm>? forms, string? headName, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (forms is null || forms.Count == 0)
        {
            Require(errors, "headName", headName, MaxNameLength);
            return string.IsNullOrEmpty(headName) ? [] : [new ValidMember(headName, HouseholdMember.HeadRelation, null, null)];
        }

        if (forms.Count > MaxMembers)
        {
            errors["members"] = [$"At most {MaxMembers} members."];
            return [];
        }

        var members = new List<ValidMember>();
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            var prefix = $"members[{i}]";
            var name = form.Name?.Trim();
            var relation = form.Relation?.Trim();
            var before = errors.Count;
            Require(errors, $"{prefix}.name", name, MaxNameLength);
            Require(errors, $"{prefix}.relation", relation, MaxRelationLength);
            if (IdNumberError(form.IdNumber, today, out var idNumber) is { } idError)
            {
                errors[$"{prefix}.idNumber"] = [idError];
            }

            if (PhoneError(form.Phone, out var phone) is { } phoneError)
            {
                errors[$"{prefix}.phone"] = [phoneError];
            }

            if (errors.Count == before)
            {
                members.Add(new ValidMember(name!, relation!, idNumber, phone));
            }
        }

        if (members.Count == forms.Count)
        {
            if (members.Count(m => m.IsHead) != 1)
            {
                errors["members"] = ["Exactly one member must have relation 户主 (head of household)."];
            }
            else if (members.GroupBy(m => m.Name).Any(g => g.Count() > 1))
            {
                errors["members"] = ["Member names must be unique within a household."];
            }
            else if (!string.IsNullOrEmpty(headName) && members.Single(m => m.IsHead).Name != headName)
            {
                errors["headName"] = ["Must be the name of the member whose relation is 户主 (or be left out)."];
            }
        }

        return members;
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[field] = ["Required."];
        }
        else if (value.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters."];
        }
    }
}
