namespace MassWork.Visits.SpotChecks;

/// <summary>
/// One household to call in a spot-check, with what was recorded for it in the period (the visits
/// and their cadres, as drawn) and what the household said. A household not reached may be called
/// again; once reached, the answer stands: a second answer is a conflict, and of two answers sent
/// at once only one is stored (<see cref="Version"/>). A household reached that says nobody visited
/// it fails the call, and the call's visits are flagged.
/// </summary>
public sealed class SpotCheckCall
{
    public const int MaxNotes = 500;

    private SpotCheckCall()
    {
    }

    public Guid Id { get; private set; }

    public Guid SpotCheckId { get; private set; }

    /// <summary>1 for the first household drawn: the order of the calls.</summary>
    public int Position { get; private set; }

    public Guid HouseholdId { get; private set; }

    /// <summary>The household's village at its visits in the period.</summary>
    public string VillageCode { get; private set; } = "";

    /// <summary>The household's visits recorded in the period, in the region: what the call checks.</summary>
    public Guid[] VisitIds { get; private set; } = [];

    /// <summary>The cadres recorded on those visits.</summary>
    public Guid[] CadreIds { get; private set; } = [];

    public CallOutcome Outcome { get; private set; }

    /// <summary>Calls made so far, reached or not.</summary>
    public int Attempts { get; private set; }

    public bool? Visited { get; private set; }

    /// <summary>The recorded cadre the household named as its visitor; null when it named none.</summary>
    public Guid? NamedCadreId { get; private set; }

    public bool? Satisfied { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Who made the last call, and when.</summary>
    public string? AnsweredBy { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>PostgreSQL xmin: of two answers at once, the second is refused.</summary>
    public uint Version { get; private set; }

    public bool Answered => Outcome is CallOutcome.Passed or CallOutcome.Failed;

    internal static SpotCheckCall Plan(Guid spotCheckId, int position, SampledHousehold household, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        SpotCheckId = spotCheckId,
        Position = position,
        HouseholdId = household.HouseholdId,
        VillageCode = household.VillageCode,
        VisitIds = [.. household.VisitIds.Order()],
        CadreIds = [.. household.CadreIds.Order()],
        Outcome = CallOutcome.Pending,
    };

    /// <summary>
    /// Records a call's answer. Refuses (400 naming the field) an answer that is incomplete or
    /// contradicts itself, and (409) a call already answered. Returns the outcome: Failed means the
    /// household was reached and said it was not visited.
    /// </summary>
    public CallOutcome Answer(CallAnswer answer, string answeredBy, DateTimeOffset now)
    {
        if (Answered)
        {
            throw new DomainException(DomainProblem.Conflict, "The call is answered",
                $"Call {Position} was answered {Outcome} by {AnsweredBy}; an answer is not changed.");
        }

        var notes = answer.Notes?.Trim();
        if (notes is { Length: > MaxNotes })
        {
            throw DomainException.Invalid("notes", $"At most {MaxNotes} characters.");
        }

        if (answer.Reached is not { } reached)
        {
            throw DomainException.Invalid("reached", "Required: whether the household answered the phone.");
        }

        if (!reached)
        {
            NotGivenUnlessReached(answer.Visited, "visited");
            NotGivenUnlessReached(answer.NamedCadreId, "namedCadreId");
            NotGivenUnlessReached(answer.Satisfied, "satisfied");
        }
        else if (answer.Visited is not { } visited)
        {
            throw DomainException.Invalid("visited", "Required when the household was reached: did anyone visit it in the period?");
        }
        else if (answer.NamedCadreId is not null && !visited)
        {
            throw DomainException.Invalid("namedCadreId", "A household that says it was not visited names no visitor.");
        }
        else if (answer.NamedCadreId is { } cadre && !CadreIds.Contains(cadre))
        {
            throw DomainException.Invalid("namedCadreId", "One of the cadres recorded on the household's visits, or left out when the household names none of them.");
        }

        Attempts++;
        AnsweredBy = answeredBy;
        AnsweredAt = Records.Visit.ToMicroseconds(now);
        Notes = string.IsNullOrEmpty(notes) ? Notes : notes;
        if (!reached)
        {
            Outcome = CallOutcome.Unreached;
            return Outcome;
        }

        Visited = answer.Visited;
        NamedCadreId = answer.NamedCadreId;
        Satisfied = answer.Satisfied;
        Outcome = answer.Visited == true ? CallOutcome.Passed : CallOutcome.Failed;
        return Outcome;
    }

    private static void NotGivenUnlessReached<T>(T? value, string field)
        where T : struct
    {
        if (value is not null)
        {
            throw DomainException.Invalid(field, "Only when the household was reached (reached: true).");
        }
    }
}
