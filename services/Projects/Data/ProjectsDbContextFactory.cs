using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MassWork.Projects.Data;

/// <summary>For `dotnet ef migrations add` only; the service itself configures the context at start-up.</summary>
internal sealed class ProjectsDbContextFactory : IDesignTimeDbContextFactory<ProjectsDbContext>
{
    public ProjectsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ProjectsDbContext>().UseNpgsql("Host=localhost;Database=projectsdb").Options);
}
