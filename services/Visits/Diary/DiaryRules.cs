using MassWork.Visits.Cadres;
using MassWork.Visits.Records;

namespace MassWork.Visits.Diary;

/// <summary>
/// The rules of a cadre's diary (民情日记): whose diary a caller writes and reads, what an entry
/// holds and which day it may be about. Each problem names its field.
/// </summary>
public static class DiaryRules
{
    public const int MaxText = 4000;

    /// <summary>
    /// A cadre writes and reads their own diary (their login is the cadre's); a work team member
    /// only their own; staff (village, town, leaders, operators) those of the cadres of their region,
    /// from paper diaries handed in.
    /// </summary>
    public static ProblemHttpResult? Check(Caller caller, CadreRecord cadre, string field)
    {
        if (cadre.UserId == caller.UserId)
        {
            return null;
        }

        if (VisitScope.ActsAsCadre(caller))
        {
            return Problems.Forbidden($"{field}: a work team member keeps their own diary, and cadre {cadre.Name} is not linked to your login {caller.UserId}.");
        }

        return caller.Covers(cadre.RegionCode) ? null : Problems.OutsideRegion(field, cadre.RegionCode, caller.RegionPrefix);
    }

    public static string? TextProblem(string? text) =>
        string.IsNullOrEmpty(text) || text.Length > MaxText ? $"Required, at most {MaxText} characters: what the cadre saw, heard and did." : null;

    /// <summary>Not in the future, not older than a visit may be, and not before the visit it belongs to.</summary>
    public static string? DateProblem(DateOnly day, DateOnly today, DateOnly? visitDay)
    {
        if (day > today)
        {
            return $"In the future: a diary is written about a day that has come (today is {today:yyyy-MM-dd} Asia/Shanghai).";
        }

        if (today.DayNumber - day.DayNumber > VisitRules.MaxAgeDays)
        {
            return $"More than {VisitRules.MaxAgeDays} days ago.";
        }

        return day < visitDay ? $"Before the visit it belongs to ({visitDay:yyyy-MM-dd})." : null;
    }
}
