using MassWork.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Petitions.Data;

/// <summary>The petitions service's database; its domain tables arrive with the service's own issue.</summary>
public sealed class PetitionsDbContext(DbContextOptions<PetitionsDbContext> options) : ServiceDbContext(options)
{
    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
    }
}
