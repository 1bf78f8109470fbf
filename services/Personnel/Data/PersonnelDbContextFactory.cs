using MassWork.ServiceDefaults.Data;

namespace MassWork.Personnel.Data;

internal sealed class PersonnelDbContextFactory : DesignTimeDbContextFactory<PersonnelDbContext>;
