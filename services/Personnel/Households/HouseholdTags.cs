namespace MassWork.Personnel.Households;

/// <summary>The tags from the seeds that decide who is visited first (domain guide, "People").</summary>
public static class HouseholdTags
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "困难户", "低保户", "五保户", "上访户", "征迁户", "老党员", "老干部", "老模范",
        "下岗失业", "进城务工", "致富带头人", "计划生育重点户", "残疾",
    };

    /// <summary>Splits "困难户;低保户" or "困难户、低保户" (as typed in Excel) into tags.</summary>
    public static string[] Split(string value) =>
        value.Split([';', '；', '、', '|', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
