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
