using MassWork.Petitions.Cases;
using MassWork.Petitions.Categories;
using MassWork.Petitions.Deadlines;
using MassWork.Petitions.Departments;
using MassWork.Petitions.Households;
using MassWork.Petitions.Open311;
using MassWork.Petitions.PublicQuery;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Data;

public sealed class PetitionsDbContext(DbContextOptions<PetitionsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseDeadline> CaseDeadlines => Set<CaseDeadline>();

    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    public DbSet<PolicyRecord> Policies => Set<PolicyRecord>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();

    public DbSet<QueryCode> QueryCodes => Set<QueryCode>();

    public DbSet<QuerySession> QuerySessions => Set<QuerySession>();

    /// <summary>The sequence behind case numbers (编号): unique across replicas, never reused.</summary>
    public const string CaseNumberSequence = "case_number_seq";

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>(CaseNumberSequence);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PetitionsDbContext).Assembly);
    }
}
