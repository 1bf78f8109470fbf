using MassWork.Personnel.Households;
using MassWork.Personnel.Regions;
using MassWork.ServiceDefaults.Http;

namespace MassWork.Personnel.Cadres;

/// <summary>The validation of a cadre's register entry, shared by registration and correction.</summary>
public static class CadreForm
{
    /// <summary>
    /// The details as staff entered them, or null with the errors by field. Phone: null keeps the
    /// current one on an edit, "" clears it, a number replaces it.
    /// </summary>
    public static CadreDetails? Validate(CadreRequest request, Dictionary<string, string[]> errors, out string? phone)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > HouseholdValidation.MaxNameLength)
        {
            errors["name"] = [$"Required, at most {HouseholdValidation.MaxNameLength} characters."];
        }

        if (HouseholdValidation.PhoneError(request.Phone, out phone) is { } phoneError)
        {
            errors["phone"] = [phoneError];
        }

        if (!EnumNames.TryParse<CadreRank>(request.Rank, out var rank))
        {
            errors["rank"] = ["SectionLevel (科级以上) or General (一般干部)."];
        }

        var region = request.RegionCode?.Trim();
        if (!DivisionCode.IsWellFormed(region))
        {
            errors["regionCode"] = ["The 12-digit division code of the place the cadre serves."];
        }

        if (request.Position?.Trim().Length > 50)
        {
            errors["position"] = ["At most 50 characters."];
        }

        if (request.UserId?.Trim().Length > 100)
        {
            errors["userId"] = ["At most 100 characters."];
        }

        return errors.Count > 0 ? null : new CadreDetails(
            name!, rank, Blank(request.Position), request.UnitId, region!, request.HomeCompoundId, Blank(request.UserId));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
