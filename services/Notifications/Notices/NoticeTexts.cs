namespace MassWork.Notifications.Notices;

/// <summary>What households read. Kept short: up to 70 characters is one billed SMS.</summary>
public static class NoticeTexts
{
    public static string HouseholdWelcome(string householdNumber) =>
        $"您户（户号{householdNumber}）已纳入结对联户，联户干部将上门走访，有困难和诉求请随时联系。";
}
