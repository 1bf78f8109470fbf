using MassTransit;
using MassWork.Contracts.Visits.V1;

namespace MassWork.Petitions.Intake;

/// <summary>
/// Registers a demand raised on a visit as a case through the staff intake (<see cref="VisitDemandIntake"/>).
/// One case per demand: the inbox drops a redelivered message, a demand already registered under
/// another message id is skipped, and the unique source_demand_id refuses a concurrent twin (its
/// retry then finds the case). A household not yet in the petitions read model fails the message,
/// which is retried until personnel's event has arrived.
/// </summary>
public sealed class DemandRaisedInVisitConsumer(PetitionsDbContext db, IntakeService intake, TimeProvider time, ILogger<DemandRaisedInVisitConsumer> logger)
    : IdempotentConsumer<DemandRaisedInVisit, PetitionsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(DemandRaisedInVisit message, ConsumeContext<DemandRaisedInVisit> context)
    {
        var cancellationToken = context.CancellationToken;
        if (await Db.Cases.AnyAsync(c => c.SourceDemandId == message.DemandId, cancellationToken))
        {
            return;
        }

        var categoryKnown = await Db.Categories.AnyAsync(c => c.Code == message.CategoryCode && c.Active, cancellationToken);
        // Visits checked the recorder's region when the demand was raised; the case lies in the demand's village.
        var result = await intake.RegisterAsync(VisitDemandIntake.Request(message, categoryKnown), message.RaisedBy, "", VisitDemandIntake.Level, message.DemandId, cancellationToken);
        if (result.Case is null)
        {
            throw new InvalidOperationException(
                $"Demand {message.DemandId} cannot be registered yet: {string.Join("; ", result.Validation.ToErrors().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))}");
        }
    }
}
