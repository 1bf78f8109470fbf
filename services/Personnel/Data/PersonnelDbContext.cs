using MassWork.Personnel.Attendance;
using MassWork.Personnel.Cadres;
using MassWork.Personnel.Households;
using MassWork.Personnel.Imports;
using MassWork.Personnel.NoticeBoard;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;
using MassWork.Personnel.Registers;
using MassWork.Personnel.Teams;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Personnel.Data;

public sealed class PersonnelDbContext(DbContextOptions<PersonnelDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();

    public DbSet<RegionUnit> RegionUnits => Set<RegionUnit>();

    public DbSet<Household> Households => Set<Household>();

    public DbSet<HouseholdMember> HouseholdMembers => Set<HouseholdMember>();

    public DbSet<PersonalDataRead> PersonalDataReads => Set<PersonalDataRead>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<ImportError> ImportErrors => Set<ImportError>();

    public DbSet<DispatchingUnit> DispatchingUnits => Set<DispatchingUnit>();

    public DbSet<Cadre> Cadres => Set<Cadre>();

    public DbSet<WorkTeam> WorkTeams => Set<WorkTeam>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<RegisterChange> RegisterChanges => Set<RegisterChange>();

    public DbSet<TownOfficials> TownOfficials => Set<TownOfficials>();

    public DbSet<CoveragePolicy> CoveragePolicies => Set<CoveragePolicy>();

    public DbSet<Pairing> Pairings => Set<Pairing>();

    public DbSet<AssignmentProposal> AssignmentProposals => Set<AssignmentProposal>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<LeaveRequest> LeaveRequests => Set<LeaveRequest>();

    public DbSet<LeaveDecision> LeaveDecisions => Set<LeaveDecision>();

    public DbSet<Commitment> Commitments => Set<Commitment>();

    public DbSet<VillageProblem> VillageProblems => Set<VillageProblem>();

    public DbSet<VillageProject> VillageProjects => Set<VillageProject>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PersonnelDbContext).Assembly);
    }
}
