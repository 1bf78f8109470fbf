using MassTransit;
using MassWork.Contracts.Petitions.V1;

namespace MassWork.Personnel.NoticeBoard;

/// <summary>A registered matter (not a repeat, not refused, not an accusation) becomes an open problem on its village's board.</summary>
public sealed class PetitionRegisteredConsumer(PersonnelDbContext db, TimeProvider time, ILogger<PetitionRegisteredConsumer> logger)
    : IdempotentConsumer<PetitionRegistered, PersonnelDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(PetitionRegistered message, ConsumeContext<PetitionRegistered> context)
    {
        var c = message.Case;
        if (message.NotAcceptedReason is not null || c.IdentityProtected
            || await Db.VillageProblems.AnyAsync(p => p.CaseId == c.CaseId, context.CancellationToken))
        {
            return;
        }

        Db.VillageProblems.Add(new VillageProblem
        {
            CaseId = c.CaseId, CaseNumber = c.CaseNumber, RegionCode = c.RegionCode, Category = c.CategoryName,
            RaisedAt = message.RegisteredAt, UpdatedAt = message.RegisteredAt,
        });
    }
}

/// <summary>销号: a closed case is marked closed on the board.</summary>
public sealed class PetitionClosedConsumer(PersonnelDbContext db, TimeProvider time, ILogger<PetitionClosedConsumer> logger)
    : IdempotentConsumer<PetitionClosed, PersonnelDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PetitionClosed message, ConsumeContext<PetitionClosed> context) =>
        ProblemBoard.SetAsync(Db, message.Case.CaseId, closed: true, message.Outcome, message.At, context.CancellationToken);
}

/// <summary>A revisit that reopened the case puts the problem back on the open list.</summary>
public sealed class PetitionRevisitedConsumer(PersonnelDbContext db, TimeProvider time, ILogger<PetitionRevisitedConsumer> logger)
    : IdempotentConsumer<PetitionRevisited, PersonnelDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PetitionRevisited message, ConsumeContext<PetitionRevisited> context) =>
        message.Reopened ? ProblemBoard.SetAsync(Db, message.Case.CaseId, closed: false, null, message.At, context.CancellationToken) : Task.CompletedTask;
}

/// <summary>The answer to a 复查 or 复核 closes the problem out with the outcome it gave.</summary>
public sealed class PetitionReviewConsumer(PersonnelDbContext db, TimeProvider time, ILogger<PetitionReviewConsumer> logger)
    : IdempotentConsumer<PetitionReviewAnswered, PersonnelDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PetitionReviewAnswered message, ConsumeContext<PetitionReviewAnswered> context) =>
        ProblemBoard.SetAsync(Db, message.Case.CaseId, closed: true, message.Outcome, message.At, context.CancellationToken);
}

/// <summary>A matter the holder did not accept is taken off the board: it is not a problem the village works on.</summary>
public sealed class PetitionNotAcceptedConsumer(PersonnelDbContext db, TimeProvider time, ILogger<PetitionNotAcceptedConsumer> logger)
    : IdempotentConsumer<PetitionNotAccepted, PersonnelDbContext>(db, time, logger)
{
    protected override Task HandleAsync(PetitionNotAccepted message, ConsumeContext<PetitionNotAccepted> context) =>
        Db.VillageProblems.Where(p => p.CaseId == message.Case.CaseId).ExecuteDeleteAsync(context.CancellationToken);
}

internal static class ProblemBoard
{
    public static Task SetAsync(PersonnelDbContext db, Guid caseId, bool closed, string? outcome, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.VillageProblems.Where(p => p.CaseId == caseId && p.UpdatedAt <= at).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Closed, closed)
            .SetProperty(p => p.Outcome, outcome)
            .SetProperty(p => p.ClosedAt, closed ? at : null)
            .SetProperty(p => p.UpdatedAt, at), cancellationToken);
}
