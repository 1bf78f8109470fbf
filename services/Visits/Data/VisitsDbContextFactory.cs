using MassWork.ServiceDefaults.Data;

namespace MassWork.Visits.Data;

internal sealed class VisitsDbContextFactory : DesignTimeDbContextFactory<VisitsDbContext>;
