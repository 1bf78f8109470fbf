using MassWork.Personnel.Data;

namespace MassWork.ServiceTests.Personnel;

/// <summary>The personnel service in this process on the test's clock, with the city's real region codes and no demo town.</summary>
public class PersonnelFixture : ServiceFixture
{
    private ServiceHost<PersonnelDbContext>? _service;

    protected override async Task StartServiceAsync()
    {
        var settings = CommonSettings("personneldb", await Infrastructure.CreateDatabaseAsync("personneldb"));
        settings["Regions:SeedFile"] = Path.Combine(Repository.Root, "deploy", "data", "regions-ganzhou-3607.csv");
        settings["Imports:Folder"] = Path.Combine(Infrastructure.Directory, "imports");
        settings["Demo:Enabled"] = "false";
        _service = new ServiceHost<PersonnelDbContext>(settings, Clock);
        Client = _service.CreateClient();
        await Eventually.HoldsAsync(async () => await Infrastructure.CountAsync("personneldb", "SELECT count(*) FROM regions WHERE code = '360702001000'") == 1,
            TimeSpan.FromSeconds(60), "the city's region codes loaded");
    }

    protected override async ValueTask StopServiceAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PersonnelCollection : ICollectionFixture<PersonnelFixture>
{
    public const string Name = "personnel";
}
