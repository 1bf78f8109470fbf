using MassWork.Identity.Data;
using MassWork.Notifications.Data;
using MassWork.Personnel.Data;
using MassWork.Petitions.Data;
using MassWork.Projects.Data;
using MassWork.Visits.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MassWork.UnitTests;

/// <summary>
/// Each service's model, as its entity configurations build it, is the model its migrations leave
/// behind: a change to a configuration that needs a migration fails here, not at a deployment.
/// </summary>
public sealed class MigrationSnapshotTests
{
    public static TheoryData<Type> Contexts =>
    [
        typeof(AccountsDbContext), typeof(NotificationsDbContext), typeof(PersonnelDbContext),
        typeof(PetitionsDbContext), typeof(ProjectsDbContext), typeof(VisitsDbContext),
    ];

    [Theory]
    [MemberData(nameof(Contexts))]
    public void A_services_model_needs_no_migration_its_folder_does_not_hold(Type context)
    {
        // The design-time factory the EF tools use, so this is what `dotnet ef migrations add` would compare.
        var factoryType = typeof(IDesignTimeDbContextFactory<>).MakeGenericType(context);
        var factory = context.Assembly.GetTypes().Single(t => !t.IsAbstract && factoryType.IsAssignableFrom(t));
        using var db = (DbContext)factoryType.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!
            .Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!;

        Assert.False(db.Database.HasPendingModelChanges(), $"{context.Name}'s model differs from its migrations' snapshot: add a migration.");
    }
}
