using MassTransit;
using MassWork.Contracts.Petitions.V1;

namespace MassWork.Visits.Demands;

/// <summary>
/// A petitions event that moves a case to another status, applied to the village ledger. The events
/// that leave the status as it is (五定, call-backs, extensions, deadlines) are not consumed.
/// </summary>
public abstract class CaseProgressConsumer<T>(VisitsDbContext db, TimeProvider time, ILogger logger) : IdempotentConsumer<T, VisitsDbContext>(db, time, logger)
    where T : class
{
    protected abstract CaseProgress Progress(T message);

    protected override Task HandleAsync(T message, ConsumeContext<T> context) => DemandLedger.ApplyAsync(Db, Progress(message), context.CancellationToken);
}

public sealed class PetitionRegisteredConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionRegisteredConsumer> logger) : CaseProgressConsumer<PetitionRegistered>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionRegistered m) => new(m.Case, m.RegisteredAt, null, m.NotAcceptedReason);
}

public sealed class PetitionAssignedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionAssignedConsumer> logger) : CaseProgressConsumer<PetitionAssigned>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionAssigned m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionAcceptedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionAcceptedConsumer> logger) : CaseProgressConsumer<PetitionAccepted>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionAccepted m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionNotAcceptedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionNotAcceptedConsumer> logger) : CaseProgressConsumer<PetitionNotAccepted>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionNotAccepted m) => new(m.Case, m.At, null, m.Reason);
}

public sealed class PetitionObjectedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionObjectedConsumer> logger) : CaseProgressConsumer<PetitionObjected>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionObjected m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionSentBackConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionSentBackConsumer> logger) : CaseProgressConsumer<PetitionSentBack>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionSentBack m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionEscalatedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionEscalatedConsumer> logger) : CaseProgressConsumer<PetitionEscalated>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionEscalated m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionSignedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionSignedConsumer> logger) : CaseProgressConsumer<PetitionSigned>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionSigned m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionAnsweredConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionAnsweredConsumer> logger) : CaseProgressConsumer<PetitionAnswered>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionAnswered m) => new(m.Case, m.At, m.Outcome, m.Opinion);
}

/// <summary>回访: a reopened case is back in progress; otherwise PetitionClosed follows.</summary>
public sealed class PetitionRevisitedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionRevisitedConsumer> logger) : CaseProgressConsumer<PetitionRevisited>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionRevisited m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionClosedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionClosedConsumer> logger) : CaseProgressConsumer<PetitionClosed>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionClosed m) => new(m.Case, m.At, m.Outcome, null);
}

public sealed class PetitionReviewRequestedConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionReviewRequestedConsumer> logger)
    : CaseProgressConsumer<PetitionReviewRequested>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionReviewRequested m) => new(m.Case, m.At, null, null);
}

public sealed class PetitionReviewAnsweredConsumer(VisitsDbContext db, TimeProvider time, ILogger<PetitionReviewAnsweredConsumer> logger)
    : CaseProgressConsumer<PetitionReviewAnswered>(db, time, logger)
{
    protected override CaseProgress Progress(PetitionReviewAnswered m) => new(m.Case, m.At, m.Outcome, m.Opinion);
}
