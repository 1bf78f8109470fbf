using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MassWork.Personnel.Data;

/// <summary>For `dotnet ef migrations add` only; the service itself configures the context at start-up.</summary>
internal sealed class PersonnelDbContextFactory : IDesignTimeDbContextFactory<PersonnelDbContext>
{
    public PersonnelDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PersonnelDbContext>().UseNpgsql("Host=localhost;Database=personneldb").Options);
}
