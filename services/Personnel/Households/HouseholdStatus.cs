namespace MassWork.Personnel.Households;

/// <summary>Where the household lives now; coverage counts every status.</summary>
public enum HouseholdStatus
{
    /// <summary>常住: lives in the village.</summary>
    Resident,

    /// <summary>外出务工: family working away.</summary>
    WorkingAway,

    /// <summary>流动人口: floating population.</summary>
    Floating,
}

public static class HouseholdStatusNames
{
    /// <summary>Accepts the English name or the Chinese word a clerk types.</summary>
    public static bool TryParse(string value, out HouseholdStatus status)
    {
        switch (value.Trim())
        {
            case "常住":
                status = HouseholdStatus.Resident;
                return true;
            case "外出务工":
                status = HouseholdStatus.WorkingAway;
                return true;
            case "流动人口":
                status = HouseholdStatus.Floating;
                return true;
            default:
                return EnumNames.TryParse(value.Trim(), out status);
        }
    }
}
