using FluentValidation.Results;

namespace MassWork.Visits.Records;

/// <summary>Lists of ids in a request (cadres, households, attendees, demands): each bad id is named by its place in the list.</summary>
public static class IdRules
{
    /// <summary>
    /// No empty id (<paramref name="emptyMessage"/>) and none listed twice, each refused as
    /// <c>field[i]</c>; of an id listed twice, the second listing is the one refused.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, IReadOnlyList<Guid>?> EachOnce<T>(this IRuleBuilder<T, IReadOnlyList<Guid>?> rule, string emptyMessage) =>
        rule.Custom((ids, context) =>
        {
            var seen = new HashSet<Guid>();
            for (var i = 0; i < (ids?.Count ?? 0); i++)
            {
                if (ids![i] == Guid.Empty || !seen.Add(ids[i]))
                {
                    context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}]", ids[i] == Guid.Empty ? emptyMessage : "Listed twice."));
                }
            }
        });
}
