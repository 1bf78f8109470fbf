using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Data;

internal sealed class ProjectsDbContextFactory : DesignTimeDbContextFactory<ProjectsDbContext>;
