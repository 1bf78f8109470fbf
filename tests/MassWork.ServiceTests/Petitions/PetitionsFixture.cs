using MassWork.Petitions.Data;
using MassWork.Petitions.Deadlines;
using MassWork.ServiceTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceTests.Petitions;

/// <summary>The petitions service in this process on the test's clock, with the real holiday calendar.</summary>
public sealed class PetitionsFixture : ServiceFixture
{
    private ServiceHost<PetitionsDbContext>? _service;

    /// <summary>The service's own sweeper: a test moves the clock, then sweeps, instead of waiting for it.</summary>
    public DeadlineSweeper Sweeper => _service!.Services.GetServices<IHostedService>().OfType<DeadlineSweeper>().Single();

    protected override async Task StartServiceAsync()
    {
        var settings = CommonSettings("petitionsdb", await Infrastructure.CreateDatabaseAsync("petitionsdb"));
        settings["Calendar:SeedFile"] = Path.Combine(RepositoryFolder(), "deploy", "data", "holidays-cn.csv");
        _service = new ServiceHost<PetitionsDbContext>(settings, Clock);
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

    public Task<long> EventsAsync(Guid caseId, string type) =>
        Infrastructure.CountAsync("petitionsdb", "SELECT count(*) FROM outbox_messages WHERE aggregate_id = @id AND message_type LIKE @type",
            ("id", caseId.ToString()), ("type", $"MassWork.Contracts.Petitions.V1.{type},%"));

    private static string RepositoryFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "MassWork.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("MassWork.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class PetitionsCollection : ICollectionFixture<PetitionsFixture>
{
    public const string Name = "petitions";
}
