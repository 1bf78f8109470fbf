using MassWork.Personnel.Households;
using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Cadres;

/// <summary>A cadre's register entry, shared by registration and correction.</summary>
public sealed class CadreValidator : RequestValidator<CadreRequest>
{
    public CadreValidator()
    {
        RuleFor(x => x.Name).RequiredText(HouseholdValidator.MaxNameLength);
        RuleFor(x => x.Phone).Problem(phone => HouseholdValidator.PhoneError(phone, out _));
        RuleFor(x => x.Rank).Must(EnumNames.Is<CadreRank>).WithMessage("SectionLevel (科级以上) or General (一般干部).");
        RuleFor(x => x.RegionCode).Must(code => DivisionCode.IsWellFormed(code?.Trim()))
            .WithMessage("The 12-digit division code of the place the cadre serves.");
        RuleFor(x => x.Position).OptionalText(50);
        RuleFor(x => x.UserId).OptionalText(100);
    }

    /// <summary>
    /// The details as staff entered them, and the phone normalised; call it once validation passed.
    /// Phone: null keeps the current one on an edit, "" clears it, a number replaces it.
    /// </summary>
    public static (CadreDetails Details, string? Phone) Checked(CadreRequest request)
    {
        EnumNames.TryParse<CadreRank>(request.Rank, out var rank);
        return (new CadreDetails(request.Name!.Trim(), rank, Blank(request.Position), request.UnitId, request.RegionCode!.Trim(), request.HomeCompoundId,
            Blank(request.UserId)), HouseholdValidator.NormalizedPhone(request.Phone));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
