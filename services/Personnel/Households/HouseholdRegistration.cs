using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Households;

/// <summary>A validated request to enter a household in the register.</summary>
public sealed record HouseholdRegistration(
    string HouseholdNumber,
    string VillageCode,
    string Address,
    string HeadName,
    HouseholdStatus Status)
{
    public const int MaxHouseholdNumberLength = 32;
    public const int MaxAddressLength = 200;
    public const int MaxNameLength = 50;

    /// <summary>
    /// Checks every field and returns either the registration or the errors keyed by field name,
    /// so the caller learns all that is wrong at once.
    /// </summary>
    public static (HouseholdRegistration? Registration, Dictionary<string, string[]> Errors) Create(
        string? householdNumber, string? villageCode, string? address, string? headName, string? status)
    {
        var errors = new Dictionary<string, string[]>();
        householdNumber = householdNumber?.Trim();
        villageCode = villageCode?.Trim();
        address = address?.Trim();
        headName = headName?.Trim();

        Require(errors, "householdNumber", householdNumber, MaxHouseholdNumberLength);
        if (!string.IsNullOrEmpty(householdNumber) && !householdNumber.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors["householdNumber"] = ["Use letters, digits and '-' only."];
        }

        if (string.IsNullOrEmpty(villageCode))
        {
            errors["villageCode"] = ["Required."];
        }
        else if (!DivisionCode.IsVillage(villageCode))
        {
            errors["villageCode"] = ["Must be the 12-digit division code of a village (town and village parts not 000)."];
        }

        Require(errors, "address", address, MaxAddressLength);
        Require(errors, "headName", headName, MaxNameLength);

        var parsedStatus = HouseholdStatus.Resident;
        if (status is not null && (!Enum.TryParse(status, ignoreCase: true, out parsedStatus) || !Enum.IsDefined(parsedStatus)))
        {
            errors["status"] = [$"One of: {string.Join(", ", Enum.GetNames<HouseholdStatus>())}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new HouseholdRegistration(householdNumber!, villageCode!, address!, headName!, parsedStatus), errors);
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
