using FluentValidation.Results;
using MassWork.Visits.Records;

namespace MassWork.Visits.Meetings;

/// <summary>
/// Field rules of a 民情分析联席会 that need no database; each problem names its field. Validate with
/// today's Asia/Shanghai date (a <see cref="DateOnly"/>), which bounds the day it was held.
/// </summary>
public sealed class MeetingValidator : RequestValidator<MeetingRequest>
{
    public const int MaxAttendees = 50;
    public const int MaxDemands = 100;
    public const int MaxDecisions = 20;
    public const int MaxDecision = 500;
    public const int MaxFollowUps = 20;
    public const int MaxTask = 200;

    public MeetingValidator()
    {
        RuleFor(x => x.VillageCode).Must(v => v is { Length: 12 } && v.All(char.IsAsciiDigit)).WithMessage("Required: the 12-digit division code of the village.");
        RuleFor(x => x.HeldOn).NotNull().WithMessage("Required: the Asia/Shanghai day the meeting was held (2026-03-20).")
            .Custom((heldOn, context) =>
            {
                if (HeldOnProblem(heldOn!.Value, context.Value<DateOnly>()) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
        RuleFor(x => x.AttendeeIds).Must(ids => ids is { Count: >= 1 and <= MaxAttendees }).WithMessage($"1 to {MaxAttendees} ids.").EachOnce("Not an id.");
        RuleFor(x => x.DemandIds).Must(ids => ids is not { Count: > MaxDemands }).WithMessage($"0 to {MaxDemands} ids.").EachOnce("Not an id.");
        RuleFor(x => x.Decisions).Must(d => d is not { Count: > MaxDecisions }).WithMessage($"At most {MaxDecisions}.")
            .DependentRules(() => RuleForEach(x => x.Decisions).Cascade(CascadeMode.Continue)
                .Must(d => !string.IsNullOrWhiteSpace(d) && d.Trim().Length <= MaxDecision).WithMessage($"Not empty, at most {MaxDecision} characters."));
        RuleFor(x => x.FollowUps).Must(f => f is not { Count: > MaxFollowUps }).WithMessage($"At most {MaxFollowUps}.");
        RuleForEachElement(x => x.FollowUps, followUp =>
        {
            followUp.RuleFor(f => f.Task).RequiredText(MaxTask).WithMessage($"Required, at most {MaxTask} characters: what is to be done.");
            followUp.RuleFor(f => f.OwnerCadreId).Must(id => id is { } owner && owner != Guid.Empty).WithMessage("Required: the cadre who owns the follow-up.");
        }, when: x => x.FollowUps is not { Count: > MaxFollowUps });
        RuleForEach(x => x.FollowUps).Cascade(CascadeMode.Continue).Custom((followUp, context) =>
        {
            if (followUp?.DueOn < context.InstanceToValidate.HeldOn)
            {
                context.AddFailure(new ValidationFailure($"{context.PropertyPath}.dueOn", "On or after the day the meeting was held."));
            }
        }).When(x => x.FollowUps is not { Count: > MaxFollowUps });
    }

    /// <summary>Held already (today counts), and not longer ago than a visit may be entered.</summary>
    public static string? HeldOnProblem(DateOnly heldOn, DateOnly today) =>
        heldOn > today ? $"In the future: a meeting is recorded once it has been held (today is {today:yyyy-MM-dd} in Asia/Shanghai)."
        : today.DayNumber - heldOn.DayNumber > VisitRules.MaxAgeDays ? $"More than {VisitRules.MaxAgeDays} days ago."
        : null;

    /// <summary>The request with its texts trimmed; call it once validation passed.</summary>
    public static CheckedMeeting Checked(MeetingRequest request) =>
        new(request.VillageCode!, request.HeldOn!.Value, [.. request.AttendeeIds!], [.. request.DemandIds ?? []],
            [.. (request.Decisions ?? []).Select(d => d.Trim())],
            [.. (request.FollowUps ?? []).Select(f => new FollowUp(f.Task!.Trim(), f.OwnerCadreId!.Value, f.DueOn))]);
}
