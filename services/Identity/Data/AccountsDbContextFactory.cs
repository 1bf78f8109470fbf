using MassWork.ServiceDefaults.Data;

namespace MassWork.Identity.Data;

internal sealed class AccountsDbContextFactory : DesignTimeDbContextFactory<AccountsDbContext>;
