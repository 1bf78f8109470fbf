using MassWork.ServiceDefaults.Data;
using MassWork.Visits.Cadres;
using MassWork.Visits.Demands;
using MassWork.Visits.Diary;
using MassWork.Visits.Figures;
using MassWork.Visits.Frequency;
using MassWork.Visits.Households;
using MassWork.Visits.Meetings;
using MassWork.Visits.Pairings;
using MassWork.Visits.Photos;
using MassWork.Visits.Records;
using MassWork.Visits.SpotChecks;

namespace MassWork.Visits.Data;

/// <summary>
/// The visits service's database: its copy of who should visit whom (households, cadres,
/// pairings, from personnel's events), the visits recorded with the demands raised on them (the
/// village ledger, kept from petitions' events), cadres' diaries, villages' analysis meetings, and
/// each city's visiting frequency with the reminders found against it.
/// </summary>
public sealed class VisitsDbContext(DbContextOptions<VisitsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<HouseholdRecord> Households => Set<HouseholdRecord>();

    public DbSet<CadreRecord> Cadres => Set<CadreRecord>();

    public DbSet<PairingRecord> Pairings => Set<PairingRecord>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitHousehold> VisitHouseholds => Set<VisitHousehold>();

    public DbSet<Demand> Demands => Set<Demand>();

    public DbSet<DiaryEntry> DiaryEntries => Set<DiaryEntry>();

    public DbSet<AnalysisMeeting> AnalysisMeetings => Set<AnalysisMeeting>();

    public DbSet<FrequencyPolicyRecord> FrequencyPolicies => Set<FrequencyPolicyRecord>();

    public DbSet<FrequencyAlert> FrequencyAlerts => Set<FrequencyAlert>();
    public DbSet<VisitPhoto> VisitPhotos => Set<VisitPhoto>();

    public DbSet<SpotCheck> SpotChecks => Set<SpotCheck>();

    public DbSet<SpotCheckCall> SpotCheckCalls => Set<SpotCheckCall>();

    public DbSet<VillageFigures> VillageFigures => Set<VillageFigures>();

    public DbSet<FiguresChange> FiguresChanges => Set<FiguresChange>();

    protected override void ConfigureDomain(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VisitsDbContext).Assembly);
    }
}
