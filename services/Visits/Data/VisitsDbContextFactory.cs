using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MassWork.Visits.Data;

/// <summary>For `dotnet ef migrations add` only; the service itself configures the context at start-up.</summary>
internal sealed class VisitsDbContextFactory : IDesignTimeDbContextFactory<VisitsDbContext>
{
    public VisitsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<VisitsDbContext>().UseNpgsql("Host=localhost;Database=visitsdb").Options);
}
