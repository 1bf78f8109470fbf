namespace MassWork.Visits.Diary;

/// <summary>
/// An entry's text and day by the rules of <see cref="DiaryRules"/>; validate with the
/// <see cref="DiaryDays"/> of the request (today, and the day of the visit it is linked to), which
/// the cadre and the visit, looked up, join as problems of their own.
/// </summary>
public sealed class DiaryValidator : RequestValidator<DiaryRequest>
{
    public DiaryValidator()
    {
        RuleFor(x => x.Text).Problem(text => DiaryRules.TextProblem(text?.Trim()));
        RuleFor(x => x.Date).Custom((date, context) =>
        {
            var days = context.Value<DiaryDays>();
            if (DiaryRules.DateProblem(days.DayOf(date), days.Today, days.VisitDay) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
    }
}
