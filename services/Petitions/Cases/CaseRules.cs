using MassWork.Petitions.Deadlines;

namespace MassWork.Petitions.Cases;

/// <summary>The city's policy and working calendar a case's deadlines are computed from.</summary>
public sealed record CaseRules(PetitionPolicy Policy, DeadlineCalculator Calculator)
{
    public Due Due(DateTimeOffset from, DeadlineRule rule) => Calculator.From(from, rule);
}
