namespace MassWork.Personnel.Attendance;

/// <summary>
/// A leave asked for in writing, before leaving. Validate with today's date in China: the first
/// day may not be in the past.
/// </summary>
public sealed class LeaveValidator : RequestValidator<RequestLeaveRequest>
{
    public LeaveValidator()
    {
        RuleFor(x => x.FirstDay).Custom((first, context) =>
        {
            if (first is null)
            {
                context.AddFailure("Required (yyyy-MM-dd).");
            }
            else if (first < context.Value<DateOnly>())
            {
                context.AddFailure("Leave is asked before leaving: the first day cannot be in the past.");
            }
        });
        RuleFor(x => x.LastDay).Problem((x, last) =>
            last is null ? "Required (yyyy-MM-dd)."
            : x.FirstDay is { } first && (last < first || LeaveChain.DaysBetween(first, last.Value) > LeaveChain.MaxDays)
                ? $"On or after the first day, at most {LeaveChain.MaxDays} days."
            : null);
        RuleFor(x => x.Reason).RequiredText(500).WithMessage("Required (leave is asked in writing), at most 500 characters.");
    }
}
