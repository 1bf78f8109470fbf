using MassWork.ServiceDefaults.Data;

namespace MassWork.Notifications.Data;

internal sealed class NotificationsDbContextFactory : DesignTimeDbContextFactory<NotificationsDbContext>;
