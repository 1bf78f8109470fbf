using MassWork.Personnel.Registers;

namespace MassWork.Personnel.Teams;

/// <summary>Renaming and recalling (撤回) work teams, and their history.</summary>
public static class TeamChangeEndpoints
{
    public static IEndpointRouteBuilder MapTeamChangeEndpoints(this IEndpointRouteBuilder routes)
    {
        var team = routes.MapGroup("/api/personnel/teams/{id:guid}").WithTags("Work teams");
        team.MapPut("/", RenameAsync).WithName("RenameWorkTeam").WithSummary("Rename a work team; kept in the history")
            .RequireAuthorization(Permissions.ManageTeams);
        team.MapPost("/retire", RetireAsync).WithName("RecallWorkTeam")
            .WithSummary("Recall a team (撤回): its members leave and their pairings in the village end, so coverage shows the gap")
            .RequireAuthorization(Permissions.ManageTeams);
        team.MapGet("/history", HistoryAsync).WithName("WorkTeamHistory").WithSummary("Every change to the team's entry");
        return routes;
    }

    internal static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        Guid id, RenameRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, HttpRequest http, CancellationToken cancellationToken)
    {
        if (request.ValidName() is not { } name)
        {
            return Problems.Invalid("name", "Required, at most 100 characters.");
        }

        var team = await Scoped(db, caller).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return Problems.NotFound($"Team {id}");
        }

        if (Versions.IfMatchFails(http, team.Version))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "The entry was changed by someone else",
                detail: $"Reload it (current version {Versions.ETag(team.Version)}) and apply your change again.");
        }

        var changes = team.Rename(name);
        if (changes.Count > 0)
        {
            db.RegisterChanges.Add(RegisterChange.Of(RegisterSubject.Team, id, RegisterAction.Edited, changes, null, time.GetUtcNow(), caller.UserId));
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok((await TeamEndpoints.LoadAsync(db, db.WorkTeams.Where(t => t.Id == id), cancellationToken))[0]);
    }

    internal static async Task<Results<Ok<RetiredTeamResponse>, ValidationProblem, ProblemHttpResult>> RetireAsync(
        Guid id, RetireRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.ValidReason() is not { } reason)
        {
            return Problems.Invalid("reason", "Required (why the team is recalled, e.g. 驻村期满轮换), at most 200 characters.");
        }

        var team = await Scoped(db, caller).SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (team is null)
        {
            return Problems.NotFound($"Team {id}");
        }

        var now = time.GetUtcNow();
        team.Retire(reason, now);

        var memberships = await db.TeamMemberships.Where(m => m.TeamId == id && m.LeftAt == null).ToListAsync(cancellationToken);
        var members = memberships.Select(m => m.CadreId).ToList();
        // The team's work was its village: the members' pairings there end; pairings elsewhere (a home compound) stay.
        var pairings = await db.Pairings.Where(p => members.Contains(p.CadreId) && p.VillageCode == team.VillageCode && p.EndedAt == null).ToListAsync(cancellationToken);
        var ended = WorkEnding.End(memberships, pairings, caller.UserId, $"工作队撤回：{reason}", now);
        db.RegisterChanges.Add(RegisterChange.Of(RegisterSubject.Team, id, RegisterAction.Retired,
            [new FieldChange("members", memberships.Count.ToString(), "0"), new FieldChange("pairings", pairings.Count.ToString(), "0")], reason, now, caller.UserId));
        foreach (var pairingEnded in ended)
        {
            db.RaiseIntegrationEvent(pairingEnded, pairingEnded.PairingId.ToString());
        }

        foreach (var membership in memberships)
        {
            db.RaiseIntegrationEvent(TeamEvents.Left(membership, team.VillageCode), membership.Id.ToString());
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The team changed", "Someone else changed the team at the same time; read it again and retry.");
        }

        var response = (await TeamEndpoints.LoadAsync(db, db.WorkTeams.Where(t => t.Id == id), cancellationToken))[0];
        return TypedResults.Ok(new RetiredTeamResponse(response, memberships.Count, ended.Count, [.. ended.Select(e => e.HouseholdId).Distinct()]));
    }

    internal static async Task<Results<Ok<List<RegisterChangeResponse>>, ProblemHttpResult>> HistoryAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken) =>
        await Scoped(db, caller).AnyAsync(t => t.Id == id, cancellationToken)
            ? TypedResults.Ok(await RegisterHistory.ReadAsync(db, RegisterSubject.Team, id, cancellationToken))
            : Problems.NotFound($"Team {id}");

    private static IQueryable<WorkTeam> Scoped(PersonnelDbContext db, Caller caller) => db.WorkTeams.Where(t => t.VillageCode.StartsWith(caller.RegionPrefix));
}
