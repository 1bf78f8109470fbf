using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Projects.Data;

/// <summary>The projects service's database; its domain tables arrive with the service's own issue.</summary>
public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : ServiceDbContext(options)
{
    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
    }
}
