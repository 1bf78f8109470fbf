using System.Text.Json;
using System.Text.Json.Serialization;
using MassWork.Projects.Approval;
using MassWork.Projects.Funding;
using MassWork.Projects.Ledger;
using MassWork.Projects.Milestones;
using MassWork.Projects.Photos;
using MassWork.Projects.Projects;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Projects.Data;

public sealed class ProjectsDbContext(DbContextOptions<ProjectsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Project> Projects => Set<Project>();

    public DbSet<ProjectApproval> Approvals => Set<ProjectApproval>();

    public DbSet<ProjectStep> ProjectSteps => Set<ProjectStep>();

    public DbSet<Milestone> Milestones => Set<Milestone>();

    public DbSet<MilestoneUpdate> MilestoneUpdates => Set<MilestoneUpdate>();

    public DbSet<ProgressPhoto> ProgressPhotos => Set<ProgressPhoto>();

    public DbSet<ApprovalPolicyRecord> ApprovalPolicies => Set<ApprovalPolicyRecord>();

    public DbSet<PooledFund> PooledFunds => Set<PooledFund>();

    public DbSet<FundDeposit> FundDeposits => Set<FundDeposit>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<SourceBalance> SourceBalances => Set<SourceBalance>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.HasSequence<long>("ledger_entry_seq");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ProjectsDbContext).Assembly);
    }

    /// <summary>Enums by name, so the stored JSON reads without the code.</summary>
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A jsonb column for a value object or list; its entity configuration calls this.</summary>
    internal static void Json<T>(PropertyBuilder<T> property)
        where T : class =>
        JsonColumn.Map(property, JsonOptions);
}
