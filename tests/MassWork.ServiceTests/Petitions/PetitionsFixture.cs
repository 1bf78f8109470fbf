using MassWork.Petitions.Data;
using MassWork.Petitions.Deadlines;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceTests.Petitions;

/// <summary>The petitions service in this process on the test's clock, with the real holiday calendar.</summary>
public sealed class PetitionsFixture : ServiceFixture
{
    private ServiceHost<PetitionsDbContext>? _service;

    /// <summary>The service's own registrations, to run a piece of it (a start-up job) as another pod would.</summary>
    public IServiceProvider Services => _service!.Services;

    /// <summary>
    /// The service's own sweeper, taken out of the background: a test moves the clock, then sweeps,
    /// so no sweep of the service's runs between a test's steps.
    /// </summary>
    public DeadlineSweeper Sweeper => _service!.Services.GetRequiredService<DeadlineSweeper>();

    protected override async Task StartServiceAsync()
    {
        var settings = CommonSettings("petitionsdb", await Infrastructure.CreateDatabaseAsync("petitionsdb"));
        settings["Calendar:SeedFile"] = Path.Combine(Repository.Root, "deploy", "data", "holidays-cn.csv");
        _service = new ServiceHost<PetitionsDbContext>(settings, Clock, services: services =>
        {
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(DeadlineSweeper)));
            services.AddSingleton<DeadlineSweeper>();
        });
        Client = _service.CreateClient();
        // The holiday calendar is loaded by a background seeder: wait until 2026 is known.
        await Eventually.HoldsAsync(async () => await Infrastructure.CountAsync("petitionsdb", "SELECT count(*) FROM calendar_days WHERE day = '2026-10-01'") == 1,
            TimeSpan.FromSeconds(60), "the holiday calendar loaded");
    }

    protected override async ValueTask StopServiceAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    /// <summary>DeadlineApproaching and DeadlineMissed events of the case naming the deadline kind.</summary>
    public Task<long> DeadlineEventsAsync(Guid caseId, string kind) =>
        Infrastructure.CountAsync("petitionsdb",
            "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE 'MassWork.Contracts.Petitions.V1.PetitionDeadline%' AND payload::jsonb ->> 'kind' = @kind",
            ("id", caseId.ToString()), ("kind", kind));

    public Task<long> EventsAsync(Guid caseId, string type) =>
        Infrastructure.CountAsync("petitionsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE @type",
            ("id", caseId.ToString()), ("type", $"MassWork.Contracts.Petitions.V1.{type},%"));
}

[CollectionDefinition(Name)]
public sealed class PetitionsCollection : ICollectionFixture<PetitionsFixture>
{
    public const string Name = "petitions";
}
