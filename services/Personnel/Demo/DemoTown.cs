using MassWork.Personnel.Cadres;
using MassWork.Personnel.Imports;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;
using MassWork.Personnel.Teams;
using MassWork.ServiceDefaults.Clock;

namespace MassWork.Personnel.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>梓山镇, 于都县 by default: a rural town of the seeds' city.</summary>
    public string TownCode { get; set; } = "360731105000";

    public int UrbanCommunities { get; set; } = 2;

    public int RuralVillages { get; set; } = 6;

    public int HouseholdsPerVillage { get; set; } = 250;

    public int FullCoverageCadresPerTeam { get; set; } = 9;
}

/// <summary>
/// A working town for a new user: villages, ~2,000 households loaded through the real import,
/// dispatching units, ~100 cadres in work teams, town officials, and pairings applied from an
/// auto-assignment proposal — every step through the same code staff use. The teams and pairings
/// date from <see cref="EstablishedDaysAgo"/> days back, so the visits service's demo can show a
/// whole year of visits made under them.
/// </summary>
public sealed class DemoTown(PersonnelDbContext db, HouseholdImporter importer, PersonalDataProtector protector, TimeProvider time)
{
    /// <summary>More than a year: the current calendar year is covered whole, whatever today is.</summary>
    public const int EstablishedDaysAgo = 400;

    private static readonly string[] Units = ["于都县发展和改革委员会", "于都县财政局", "于都县教育科技体育局", "于都县卫生健康委员会", "于都县农业农村局", "于都县水利局", "于都县住房和城乡建设局", "于都县人力资源和社会保障局", "于都县民政局", "于都县交通运输局"];

    public async Task<bool> SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var town = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == options.TownCode && r.Level == RegionLevel.Town, cancellationToken)
            ?? throw new InvalidOperationException($"Demo:TownCode {options.TownCode} is not a town in the region register (Regions:SeedFile).");
        var prefix = DivisionCode.Prefix(town.Code);
        if (await db.Households.AnyAsync(h => h.VillageCode.StartsWith(prefix), cancellationToken))
        {
            return false;
        }

        var generator = new DemoDataGenerator(seed: 20111);
        var villages = generator.Villages(town.Code, town.Name, options.UrbanCommunities, options.RuralVillages);
        await RegionStore.UpsertAsync(db, villages, cancellationToken);
        await ImportHouseholdsAsync(generator, villages, options, prefix, cancellationToken);

        var now = time.GetUtcNow();
        var established = now.AddDays(-EstablishedDaysAgo);
        var county = DivisionCode.FromPrefix(town.Code[..6]);
        var units = Units.Select(name => new DispatchingUnit { Id = Guid.CreateVersion7(), Name = name, RegionCode = county, CreatedAt = now }).ToList();
        db.DispatchingUnits.AddRange(units);

        Cadre NewCadre(string position, CadreRank rank, Guid? unit, string? userId, Guid? homeCompound = null)
        {
            var phone = generator.Mobile();
            var cadre = Cadre.Register(new CadreDetails(generator.PersonName(), rank, position, unit, town.Code, homeCompound, userId), SensitiveValue.Phone(protector, phone), now);
            db.Cadres.Add(cadre);
            // Announced like any registered cadre, so visits and notifications know the demo's cadres too.
            db.RaiseIntegrationEvent(CadreEvents.Registered(cadre, phone, units.FirstOrDefault(u => u.Id == unit)?.Name), cadre.Id.ToString());
            return cadre;
        }

        var secretary = NewCadre("镇党委书记", CadreRank.SectionLevel, null, "demo-secretary");
        var cityLeader = NewCadre("挂点市领导", CadreRank.SectionLevel, null, "demo-city-leader");
        db.TownOfficials.Add(new TownOfficials { TownCode = town.Code, PartySecretaryCadreId = secretary.Id, CityLeaderCadreId = cityLeader.Id });

        var units0 = await db.RegionUnits.AsNoTracking().Where(u => u.VillageCode.StartsWith(prefix)).ToListAsync(cancellationToken);
        for (var v = 0; v < villages.Count; v++)
        {
            var village = villages[v];
            var unit = units[v % units.Count];
            var team = new WorkTeam { Id = Guid.CreateVersion7(), Name = $"{unit.Name}驻{village.Name}工作队", UnitId = unit.Id, VillageCode = village.Code, CreatedAt = now };
            db.WorkTeams.Add(team);
            var groups = units0.Where(u => u.VillageCode == village.Code && u.Kind == RegionUnitKind.Group).OrderBy(u => u.Name).Select(u => u.Id).ToList();
            var compounds = units0.Where(u => u.VillageCode == village.Code && u.Kind == RegionUnitKind.Compound).Select(u => u.Id).ToList();

            var leader = NewCadre("工作队队长", CadreRank.SectionLevel, unit.Id, $"demo-leader-{v + 1}");
            Join(team, leader, TeamRole.Leader, [], established);
            for (var r = 0; r < 2; r++)
            {
                var resident = NewCadre("常驻队员", r == 0 ? CadreRank.SectionLevel : CadreRank.General, unit.Id, $"demo-resident-{v + 1}-{r + 1}");
                Join(team, resident, TeamRole.Resident, groups.Where((_, i) => i % 2 == r).ToList(), established);
            }

            for (var f = 0; f < options.FullCoverageCadresPerTeam; f++)
            {
                var home = compounds.Count > 0 ? compounds[f % compounds.Count] : (Guid?)null;
                var cadre = NewCadre("科员", f % 3 == 0 ? CadreRank.SectionLevel : CadreRank.General, unit.Id, null, home);
                Join(team, cadre, TeamRole.FullCoverage, [], established);
            }
        }

        var city = town.Code[..4];
        if (!await db.CoveragePolicies.AnyAsync(p => p.CityCode == city, cancellationToken))
        {
            var policy = CoveragePolicy.DefaultFor(city);
            policy.Mode = CoverageMode.Double;
            policy.UpdatedAt = now;
            policy.UpdatedBy = "demo";
            db.CoveragePolicies.Add(policy);
        }

        await db.SaveChangesAsync(cancellationToken);
        var assignments = new AssignmentService(db, protector, new ManualClock(established));
        var proposal = await assignments.ProposeAsync(town.Code, AssignmentMode.Village, "demo", cancellationToken);
        await assignments.ApplyAsync(proposal, "demo", cancellationToken);
        return true;
    }

    private void Join(WorkTeam team, Cadre cadre, TeamRole role, List<Guid> groups, DateTimeOffset joinedAt)
    {
        var membership = new TeamMembership { Id = Guid.CreateVersion7(), TeamId = team.Id, CadreId = cadre.Id, Role = role, GroupIds = groups, JoinedAt = joinedAt };
        db.TeamMemberships.Add(membership);
        db.RaiseIntegrationEvent(TeamEvents.Joined(membership, team.VillageCode), membership.Id.ToString());
    }

    private async Task ImportHouseholdsAsync(DemoDataGenerator generator, List<RegionCsvRow> villages, DemoOptions options, string prefix, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"masswork-demo-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var writer = new StreamWriter(path))
            {
                generator.WriteHouseholds(writer, villages, options.HouseholdsPerVillage, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
            }

            var job = new ImportJob
            {
                Id = Guid.CreateVersion7(), FileName = "demo-households.csv", Status = ImportStatus.Running, FileBytes = new FileInfo(path).Length,
                RegionPrefix = prefix, CreatedBy = "demo", Instance = "demo", CreatedAt = time.GetUtcNow(),
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            job.Complete(await importer.RunAsync(job.Id, path, prefix, cancellationToken), time.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
