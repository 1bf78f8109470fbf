using MassWork.Personnel.People;
using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Households;

/// <summary>
/// Every field of a household as a clerk submits it, members by index (members[i].idNumber …), so
/// the clerk learns everything wrong at once. Validate with today's date in China, which an ID
/// number's birth date may not pass. Without members, the head is recorded from headName alone.
/// The bulk import applies the same field rules (<see cref="NumberError"/>, <see cref="IdNumberError"/>,
/// <see cref="PhoneError"/>) line by line, without a validator.
/// </summary>
public sealed class HouseholdValidator : RequestValidator<HouseholdForm>
{
    public const int MaxHouseholdNumberLength = 32;
    public const int MaxAddressLength = 200;
    public const int MaxNameLength = 50;
    public const int MaxRelationLength = 20;
    public const int MaxMembers = 30;

    public HouseholdValidator()
    {
        RuleFor(x => x.HouseholdNumber).Problem(number => NumberError(number?.Trim()));
        RuleFor(x => x.VillageCode).Problem(code => code?.Trim() is not { Length: > 0 } village ? "Required."
            : DivisionCode.IsVillage(village) ? null
            : "Must be the 12-digit division code of a village (town and village parts not 000).");
        RuleFor(x => x.Address).Problem(address => TextProblem(address, MaxAddressLength));
        RuleFor(x => x.Status).Must(status => status is null || HouseholdStatusNames.TryParse(status, out _))
            .WithMessage($"One of: {string.Join(", ", Enum.GetNames<HouseholdStatus>())} (or 常住, 外出务工, 流动人口).");
        RuleForEach(x => x.Tags).NotNull().WithMessage("Required: an element, not null.");
        RuleFor(x => x.Tags).Problem(tags => Tags(tags).FirstOrDefault(t => !HouseholdTags.Known.Contains(t)) is { } unknown
            ? $"Unknown tag '{unknown}'. Known tags: {string.Join("、", HouseholdTags.Known)}."
            : null);
        RuleFor(x => x.HeadName).Problem(name => TextProblem(name, MaxNameLength)).When(x => x.Members is not { Count: > 0 });
        RuleFor(x => x.Members).Must(members => members is null || members.Count <= MaxMembers).WithMessage($"At most {MaxMembers} members.");
        RuleForEachElement(x => x.Members, member =>
        {
            member.RuleFor(m => m.Name).Problem(name => TextProblem(name, MaxNameLength));
            member.RuleFor(m => m.Relation).Problem(relation => TextProblem(relation, MaxRelationLength));
            member.RuleFor(m => m.IdNumber).Custom((idNumber, context) =>
            {
                if (IdNumberError(idNumber, context.Value<DateOnly>(), out _) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
            member.RuleFor(m => m.Phone).Problem(phone => PhoneError(phone, out _));
        }, when: x => x.Members is null || x.Members.Count <= MaxMembers);
        RuleFor(x => x).Custom((form, context) =>
        {
            // The household's own rules apply once every member is right on its own.
            var today = context.Value<DateOnly>();
            if (form.Members is { Count: > 0 and <= MaxMembers } forms && forms.All(m => IsValid(m, today))
                && AcrossMembers(forms.Select(Member).ToList(), form.HeadName?.Trim()) is (var field, var problem))
            {
                context.AddFailure(field, problem);
            }
        });
    }

    /// <summary>The household and its members with values trimmed and normalised; call it once validation passed.</summary>
    public static (HouseholdDetails Details, IReadOnlyList<ValidMember> Members) Checked(HouseholdForm form)
    {
        var status = HouseholdStatus.Resident;
        if (form.Status is not null)
        {
            HouseholdStatusNames.TryParse(form.Status, out status);
        }

        IReadOnlyList<ValidMember> members = form.Members is { Count: > 0 } forms
            ? [.. forms.Select(Member)]
            : [new ValidMember(form.HeadName!.Trim(), HouseholdMember.HeadRelation, null, null, KeepsIdNumber: true, KeepsPhone: true)];
        return (new HouseholdDetails(form.HouseholdNumber!.Trim(), form.VillageCode!.Trim(), form.GroupId, form.CompoundId, form.Address!.Trim(), status,
            Tags(form.Tags)), members);
    }

    public static string? NumberError(string? number) =>
        string.IsNullOrEmpty(number) ? "Required."
        : number.Length > MaxHouseholdNumberLength ? $"At most {MaxHouseholdNumberLength} characters."
        : number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? null
        : "Use letters, digits and '-' only.";

    /// <summary>Null when valid; the same rule the bulk import applies to each line.</summary>
    public static string? IdNumberError(string? idNumber, DateOnly today, out string? normalized)
    {
        normalized = NormalizedIdNumber(idNumber);
        return normalized is null ? null : IdCardNumber.Validate(normalized, today);
    }

    public static string? PhoneError(string? phone, out string? normalized)
    {
        normalized = NormalizedPhone(phone);
        return normalized is null ? null : PhoneNumber.Validate(normalized);
    }

    private static string? NormalizedIdNumber(string? idNumber) => string.IsNullOrWhiteSpace(idNumber) ? null : IdCardNumber.Normalize(idNumber);

    /// <summary>The phone in its one stored form, or null when none was given.</summary>
    public static string? NormalizedPhone(string? phone) => string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalize(phone);

    /// <summary>A required text, judged trimmed.</summary>
    private static string? TextProblem(string? value, int maxLength) =>
        value?.Trim() is not { Length: > 0 } text ? "Required."
        : text.Length > maxLength ? $"At most {maxLength} characters."
        : null;

    /// <summary>The tags trimmed, blanks and repeats dropped.</summary>
    private static List<string> Tags(IReadOnlyList<string>? tags) =>
        (tags ?? []).Where(t => t is not null).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();

    private static bool IsValid(MemberForm? member, DateOnly today) =>
        member is not null
        && TextProblem(member.Name, MaxNameLength) is null
        && TextProblem(member.Relation, MaxRelationLength) is null
        && IdNumberError(member.IdNumber, today, out _) is null
        && PhoneError(member.Phone, out _) is null;

    private static ValidMember Member(MemberForm form) =>
        new(form.Name!.Trim(), form.Relation!.Trim(), NormalizedIdNumber(form.IdNumber), NormalizedPhone(form.Phone), form.IdNumber is null, form.Phone is null);

    /// <summary>One head, unique names, and a headName (if given) that is the head's.</summary>
    private static (string Field, string Problem)? AcrossMembers(List<ValidMember> members, string? headName) =>
        members.Count(m => m.IsHead) != 1 ? ("members", "Exactly one member must have relation 户主 (head of household).")
        : members.GroupBy(m => m.Name).Any(g => g.Count() > 1) ? ("members", "Member names must be unique within a household.")
        : !string.IsNullOrEmpty(headName) && members.Single(m => m.IsHead).Name != headName
            ? ("headName", "Must be the name of the member whose relation is 户主 (or be left out).")
        : null;
}
