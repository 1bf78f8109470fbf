using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Data;

internal sealed class PetitionsDbContextFactory : DesignTimeDbContextFactory<PetitionsDbContext>;
