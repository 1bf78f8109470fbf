namespace MassWork.Personnel.Regions;

/// <summary>省 → 市 → 县/区 → 乡镇/街道 → 村/社区.</summary>
public enum RegionLevel
{
    Province,
    City,
    County,
    Town,
    Village,
}
