using MassWork.Visits.Records;

namespace MassWork.Visits.Meetings;

/// <summary>Field checks of a meeting that need no database; each problem names its field.</summary>
public static class MeetingValidation
{
    public const int MaxAttendees = 50;
    public const int MaxDemands = 100;
    public const int MaxDecisions = 20;
    public const int MaxDecision = 500;
    public const int MaxFollowUps = 20;
    public const int MaxTask = 200;

    public static CheckedMeeting? Check(MeetingRequest request, DateOnly today, Dictionary<string, string[]> errors)
    {
        var village = request.VillageCode;
        if (village is null || !(village.Length == 12 && village.All(char.IsAsciiDigit)))
        {
            errors["villageCode"] = ["Required: the 12-digit division code of the village."];
        }

        if (request.HeldOn is not { } heldOn)
        {
            errors["heldOn"] = ["Required: the Asia/Shanghai day the meeting was held (2026-03-20)."];
        }
        else if (HeldOnProblem(heldOn, today) is { } when)
        {
            errors["heldOn"] = [when];
        }

        var attendees = Ids(request.AttendeeIds, "attendeeIds", 1, MaxAttendees, errors);
        var demands = Ids(request.DemandIds, "demandIds", 0, MaxDemands, errors);
        var decisions = Decisions(request.Decisions, errors);
        var followUps = FollowUps(request.FollowUps, request.HeldOn, errors);
        return errors.Count > 0 ? null : new CheckedMeeting(village!, request.HeldOn!.Value, attendees, demands, decisions, followUps);
    }

    /// <summary>Held already (today counts), and not longer ago than a visit may be entered.</summary>
    public static string? HeldOnProblem(DateOnly heldOn, DateOnly today) =>
        heldOn > today ? $"In the future: a meeting is recorded once it has been held (today is {today:yyyy-MM-dd} in Asia/Shanghai)."
        : today.DayNumber - heldOn.DayNumber > VisitRules.MaxAgeDays ? $"More than {VisitRules.MaxAgeDays} days ago."
        : null;

    private static List<Guid> Ids(IReadOnlyList<Guid>? ids, string field, int min, int max, Dictionary<string, string[]> errors)
    {
        ids ??= [];
        if (ids.Count < min || ids.Count > max)
        {
            errors[field] = [$"{min} to {max} ids."];
            return [];
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == Guid.Empty || !seen.Add(ids[i]))
            {
                errors[$"{field}[{i}]"] = [ids[i] == Guid.Empty ? "Not an id." : "Listed twice."];
            }
        }

        return [.. ids];
    }

    private static List<string> Decisions(IReadOnlyList<string>? decisions, Dictionary<string, string[]> errors)
    {
        decisions ??= [];
        if (decisions.Count > MaxDecisions)
        {
            errors["decisions"] = [$"At most {MaxDecisions}."];
            return [];
        }

        var result = new List<string>();
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i]?.Trim();
            if (string.IsNullOrEmpty(decision) || decision.Length > MaxDecision)
            {
                errors[$"decisions[{i}]"] = [$"Not empty, at most {MaxDecision} characters."];
            }
            else
            {
                result.Add(decision);
            }
        }

        return result;
    }

    private static List<FollowUp> FollowUps(IReadOnlyList<FollowUpInput>? followUps, DateOnly? heldOn, Dictionary<string, string[]> errors)
    {
        followUps ??= [];
        if (followUps.Count > MaxFollowUps)
        {
            errors["followUps"] = [$"At most {MaxFollowUps}."];
            return [];
        }

        var result = new List<FollowUp>();
        for (var i = 0; i < followUps.Count; i++)
        {
            var f = followUps[i];
            var task = f?.Task?.Trim();
            if (string.IsNullOrEmpty(task) || task.Length > MaxTask)
            {
                errors[$"followUps[{i}].task"] = [$"Required, at most {MaxTask} characters: what is to be done."];
            }
            else if (f!.OwnerCadreId is not { } owner || owner == Guid.Empty)
            {
                errors[$"followUps[{i}].ownerCadreId"] = ["Required: the cadre who owns the follow-up."];
            }
            else if (f.DueOn is { } due && heldOn is { } held && due < held)
            {
                errors[$"followUps[{i}].dueOn"] = ["On or after the day the meeting was held."];
            }
            else
            {
                result.Add(new FollowUp(task, owner, f.DueOn));
            }
        }

        return result;
    }
}
