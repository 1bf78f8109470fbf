using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// Lets `dotnet ef migrations add` build a service's context without starting the service (which
/// needs its connection strings). Each service declares a one-line subclass.
/// </summary>
public abstract class DesignTimeDbContextFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : ServiceDbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost").Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
