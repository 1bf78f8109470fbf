using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Visits.Data;

/// <summary>The visits service's database; its domain tables arrive with the service's own issue.</summary>
public sealed class VisitsDbContext(DbContextOptions<VisitsDbContext> options) : ServiceDbContext(options)
{
    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
    }
}
