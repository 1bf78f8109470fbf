using MassWork.Notifications.Templates;

namespace MassWork.ServiceTests.Notifications;

/// <summary>The default templates seeded by two pods starting at once: both start, and each template is added once.</summary>
[Collection(NotificationsCollection.Name)]
public sealed class StartTogetherTests(NotificationsFixture service)
{
    [Fact]
    public async Task Two_pods_seeding_the_templates_together_both_start_and_add_the_missing_template_once()
    {
        // A default template the table lacks, as after a release adds one.
        Assert.Equal(1, await service.Infrastructure.CountAsync("notificationsdb", "DELETE FROM templates WHERE code = @code RETURNING 1", ("code", DefaultTemplates.ProjectCompleted)));

        await PodStarts.TogetherAsync(service.Infrastructure.DatabaseConnectionString("notificationsdb"), "templates",
            () => ActivatorUtilities.CreateInstance<TemplateSeeder>(service.Services).StartAsync(CancellationToken.None));

        Assert.Equal(1, await service.Infrastructure.CountAsync("notificationsdb", "SELECT count(*) FROM templates WHERE code = @code", ("code", DefaultTemplates.ProjectCompleted)));
    }
}
