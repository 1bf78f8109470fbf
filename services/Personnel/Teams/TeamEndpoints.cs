using MassWork.Personnel.Regions;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Personnel.Teams;

public static class TeamEndpoints
{
    public static IEndpointRouteBuilder MapTeamEndpoints(this IEndpointRouteBuilder routes)
    {
        var teams = routes.MapGroup("/api/personnel/teams").WithTags("Work teams");
        teams.MapPost("/", CreateAsync).WithName("CreateWorkTeam")
            .WithSummary("Send a work team (工作队) from a dispatching unit to a village")
            .RequireAuthorization(Permissions.ManageTeams)
            .WithIdempotency<PersonnelDbContext>();
        teams.MapGet("/{id:guid}", GetAsync).WithName("GetWorkTeam").WithSummary("A team with its leader, resident members (and their groups) and full-coverage cadres");
        teams.MapGet("/", ListAsync).WithName("ListWorkTeams").WithSummary("Teams in your region (or in one village)").RequireRegionScope();
        teams.MapPost("/{id:guid}/members", AddMemberAsync).WithName("AddTeamMember")
            .WithSummary("Add a cadre as Leader (队长), Resident (常驻队员, with groups) or FullCoverage (全覆盖干部)")
            .RequireAuthorization(Permissions.ManageTeams);
        teams.MapDelete("/{id:guid}/members/{cadreId:guid}", RemoveMemberAsync).WithName("RemoveTeamMember")
            .WithSummary("A cadre leaves the team; the membership stays in history")
            .RequireAuthorization(Permissions.ManageTeams);

        var towns = routes.MapGroup("/api/personnel/towns").WithTags("Work teams").RequireRegionScope();
        towns.MapPut("/{townCode}/officials", SetOfficialsAsync).WithName("SetTownOfficials")
            .WithSummary("Name the town party secretary (乡镇党委书记) and the assigned city leader (挂点市领导), who approve longer leave")
            .RequireAuthorization(Permissions.ManageUnits);
        towns.MapGet("/{townCode}/officials", GetOfficialsAsync).WithName("GetTownOfficials");
        return routes;
    }

    internal static async Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTeamRequest request, Caller caller, PersonnelDbContext db, IValidator<CreateTeamRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The team is not valid");
        }

        var name = request.Name!.Trim();
        if (!caller.Covers(request.VillageCode!))
        {
            return Problems.OutsideRegion("villageCode", request.VillageCode!, caller.RegionPrefix);
        }

        if (await PlaceChecks.ValidateAsync(db, request.VillageCode!, null, null, cancellationToken) is { IsValid: false } unknownVillage)
        {
            return unknownVillage.ToProblem("The team is not valid");
        }

        var unit = await db.DispatchingUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UnitId, cancellationToken);
        if (unit is null || unit.IsRetired)
        {
            return Problems.Invalid("unitId", unit is null ? $"No dispatching unit {request.UnitId}." : $"The unit {unit.Name} was retired on {unit.RetiredAt:yyyy-MM-dd}.");
        }

        var team = new WorkTeam { Id = Guid.CreateVersion7(), Name = name, UnitId = request.UnitId!.Value, VillageCode = request.VillageCode!, CreatedAt = time.GetUtcNow() };
        db.WorkTeams.Add(team);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/personnel/teams/{team.Id}", new TeamResponse(team.Id, team.Name, team.UnitId, team.VillageCode, team.CreatedAt, [], null, null));
    }

    internal static async Task<Results<Ok<TeamResponse>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var teams = await LoadAsync(db, db.WorkTeams.Where(t => t.Id == id && t.VillageCode.StartsWith(caller.RegionPrefix)), cancellationToken);
        return teams.Count == 0 ? Problems.NotFound($"Team {id}") : TypedResults.Ok(teams[0]);
    }

    internal static async Task<Results<Ok<List<TeamResponse>>, ProblemHttpResult>> ListAsync(
        Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, string? villageCode = null, bool includeRetired = false)
    {
        var prefix = villageCode?.Trim() ?? caller.RegionPrefix;
        return TypedResults.Ok(await LoadAsync(db, db.WorkTeams.Where(t => t.VillageCode.StartsWith(prefix) && (includeRetired || t.RetiredAt == null)), cancellationToken));
    }

    /// <summary>Teams with their active members, names and loads, in one round trip per list.</summary>
    internal static async Task<List<TeamResponse>> LoadAsync(PersonnelDbContext db, IQueryable<WorkTeam> teams, CancellationToken cancellationToken)
    {
        var rows = await teams.AsNoTracking().OrderBy(t => t.VillageCode).ThenBy(t => t.Name).Take(500)
            .Select(t => new
            {
                Team = t,
                Members = db.TeamMemberships.Where(m => m.TeamId == t.Id && m.LeftAt == null)
                    .Join(db.Cadres, m => m.CadreId, c => c.Id, (m, c) => new
                    {
                        m.CadreId, c.Name, m.Role, c.Position, c.PhoneMasked, m.GroupIds, m.JoinedAt,
                        Load = db.Pairings.Count(p => p.CadreId == c.Id && p.EndedAt == null),
                    })
                    .ToList(),
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new TeamResponse(r.Team.Id, r.Team.Name, r.Team.UnitId, r.Team.VillageCode, r.Team.CreatedAt,
            r.Members.OrderBy(m => m.Role).ThenBy(m => m.Name)
                .Select(m => new TeamMemberResponse(m.CadreId, m.Name, m.Role.ToString(), m.Position, m.PhoneMasked, m.GroupIds, m.JoinedAt, m.Load)).ToList(),
            r.Team.RetiredAt, r.Team.RetireReason))
            .ToList();
    }

    internal static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> AddMemberAsync(
        Guid id, AddTeamMemberRequest request, Caller caller, PersonnelDbContext db, IValidator<AddTeamMemberRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        EnumNames.TryParse<TeamRole>(request.Role, out var role);

        var team = await db.WorkTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.VillageCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (team is null)
        {
            return Problems.NotFound($"Team {id}");
        }

        if (team.IsRetired)
        {
            return Problems.Conflict("The team was recalled", $"Team {team.Name} was recalled on {team.RetiredAt:yyyy-MM-dd}.");
        }

        var retiredAt = await db.Cadres.Where(c => c.Id == request.CadreId).Select(c => new { c.RetiredAt }).SingleOrDefaultAsync(cancellationToken);
        if (retiredAt is null || retiredAt.RetiredAt is not null)
        {
            return Problems.Invalid("cadreId", retiredAt is null ? $"No cadre {request.CadreId}." : $"Cadre {request.CadreId} retired on {retiredAt.RetiredAt:yyyy-MM-dd}.");
        }

        var groups = (request.GroupIds ?? []).Distinct().ToList();
        if (groups.Count > 0)
        {
            var known = await db.RegionUnits.CountAsync(u => groups.Contains(u.Id) && u.VillageCode == team.VillageCode && u.Kind == RegionUnitKind.Group, cancellationToken);
            if (known != groups.Count)
            {
                return Problems.Invalid("groupIds", $"Every group must be a villager group of village {team.VillageCode}.");
            }
        }

        try
        {
            // Members join a team one at a time, so two leaders added at once cannot both find the team without one.
            if (await KeyedEdit<TeamMembership>.SaveAsync<ProblemHttpResult?>(db, id.ToString(), async () =>
                {
                    if (role == TeamRole.Leader && await db.TeamMemberships.AnyAsync(m => m.TeamId == id && m.Role == TeamRole.Leader && m.LeftAt == null, cancellationToken))
                    {
                        return Problems.Conflict("The team has a leader", "Remove the current leader first.");
                    }

                    var membership = db.TeamMemberships.Add(new TeamMembership
                    {
                        Id = Guid.CreateVersion7(), TeamId = id, CadreId = request.CadreId!.Value, Role = role, GroupIds = groups, JoinedAt = time.GetUtcNow(),
                    }).Entity;
                    db.RaiseIntegrationEvent(TeamEvents.Joined(membership, team.VillageCode), membership.Id.ToString());
                    return null;
                }, cancellationToken) is { } refused)
            {
                return refused;
            }
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict("Already in a team", $"Cadre {request.CadreId} serves in a team already; remove them there first.");
        }

        return TypedResults.Ok((await LoadAsync(db, db.WorkTeams.Where(t => t.Id == id), cancellationToken))[0]);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        Guid id, Guid cadreId, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var membership = await db.TeamMemberships
            .Where(m => m.TeamId == id && m.CadreId == cadreId && m.LeftAt == null
                && db.WorkTeams.Any(t => t.Id == id && t.VillageCode.StartsWith(caller.RegionPrefix)))
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is null)
        {
            return Problems.NotFound($"Cadre {cadreId} in team {id}");
        }

        membership.LeftAt = time.GetUtcNow();
        var village = await db.WorkTeams.Where(t => t.Id == id).Select(t => t.VillageCode).SingleAsync(cancellationToken);
        db.RaiseIntegrationEvent(TeamEvents.Left(membership, village), membership.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<TownOfficialsResponse>, ValidationProblem, ProblemHttpResult>> SetOfficialsAsync(
        string townCode, SetTownOfficialsRequest request, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        if (!DivisionCode.IsTown(townCode))
        {
            return Problems.Invalid("townCode", "Must be the 12-digit division code of a town.");
        }

        foreach (var (field, cadreId) in new[] { ("partySecretaryCadreId", request.PartySecretaryCadreId), ("cityLeaderCadreId", request.CityLeaderCadreId) })
        {
            if (cadreId is not null && !await db.Cadres.AnyAsync(c => c.Id == cadreId && c.RetiredAt == null, cancellationToken))
            {
                return Problems.Invalid(field, $"No serving cadre {cadreId} (unknown or retired).");
            }
        }

        TownOfficials officials = null!;
        await KeyedEdit<TownOfficials>.SaveAsync(db, townCode, async () =>
        {
            officials = await db.TownOfficials.FindAsync([townCode], cancellationToken) ?? db.TownOfficials.Add(new TownOfficials { TownCode = townCode }).Entity;
            officials.PartySecretaryCadreId = request.PartySecretaryCadreId;
            officials.CityLeaderCadreId = request.CityLeaderCadreId;
        }, cancellationToken);
        return TypedResults.Ok(new TownOfficialsResponse(townCode, officials.PartySecretaryCadreId, officials.CityLeaderCadreId));
    }

    internal static async Task<Results<Ok<TownOfficialsResponse>, ProblemHttpResult>> GetOfficialsAsync(
        string townCode, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var officials = await db.TownOfficials.AsNoTracking().SingleOrDefaultAsync(o => o.TownCode == townCode, cancellationToken);
        return officials is null
            ? Problems.NotFound($"Officials of town {townCode}")
            : TypedResults.Ok(new TownOfficialsResponse(townCode, officials.PartySecretaryCadreId, officials.CityLeaderCadreId));
    }
}
