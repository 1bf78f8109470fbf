using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MassWork.Petitions.Data;

/// <summary>For `dotnet ef migrations add` only; the service itself configures the context at start-up.</summary>
internal sealed class PetitionsDbContextFactory : IDesignTimeDbContextFactory<PetitionsDbContext>
{
    public PetitionsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PetitionsDbContext>().UseNpgsql("Host=localhost;Database=petitionsdb").Options);
}
