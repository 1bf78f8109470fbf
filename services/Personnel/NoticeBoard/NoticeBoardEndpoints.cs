using MassWork.Personnel.Regions;

namespace MassWork.Personnel.NoticeBoard;

public sealed record BoardHousehold(string HouseholdNumber, string HeadName, string Kind);

public sealed record BoardMember(Guid CadreId, string Name, string Role, string? Position, string? Phone, int PairedHouseholds, IReadOnlyList<BoardHousehold> Households);

public sealed record BoardCommitment(Guid Id, string Text, DateTimeOffset CreatedAt);

public sealed record BoardTeam(Guid TeamId, string Name, string? Unit, IReadOnlyList<BoardMember> Members, IReadOnlyList<BoardCommitment> Commitments);

/// <summary>A problem on the board: open, or closed out (销号) with the outcome. Never who raised it.</summary>
public sealed record BoardProblem(string CaseNumber, string Category, DateTimeOffset RaisedAt, bool Closed, string? Outcome, DateTimeOffset? ClosedAt);

/// <summary>
/// A 为民办实事 project in its publicity period (项目公示): budget and paid in total and by source, payees,
/// progress, households benefiting, acceptance and council sign-offs; times in Asia/Shanghai.
/// </summary>
public sealed record BoardProject(
    Guid ProjectId,
    string Title,
    string Category,
    long BudgetFen,
    long PaidFen,
    IReadOnlyList<ProjectSourceLine> Sources,
    IReadOnlyList<ProjectPayeeLine> Payees,
    int? ProgressPercent,
    int BeneficiaryCount,
    DateTimeOffset? AcceptedAt,
    int CouncilSignOffs,
    DateTimeOffset PublishedAt,
    DateTimeOffset OnNoticeUntil);

/// <summary>
/// 公示 for one village: who serves it, how to reach them (masked phones), whom each looks after,
/// what they promised, the problems to solve with their close-out (the latest 100), and the
/// projects published and still within their publicity period, newest first.
/// </summary>
public sealed record NoticeBoardResponse(
    string VillageCode,
    string VillageName,
    long Households,
    long PairedHouseholds,
    IReadOnlyList<BoardTeam> Teams,
    long OpenProblems,
    long ClosedProblems,
    IReadOnlyList<BoardProblem> Problems,
    IReadOnlyList<BoardProject> Projects);

public sealed record AddCommitmentRequest(string? Text);

public static class NoticeBoardEndpoints
{
    public static IEndpointRouteBuilder MapNoticeBoardEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/personnel/notice-board/{villageCode}", GetAsync).WithTags("Notice board").WithName("GetNoticeBoard")
            .WithSummary("Public notice board (公示) data for a village: teams, members with position and masked phone, paired households, commitments, problems and their close-out (销号)")
            .RequireRegionScope();
        routes.MapPost("/api/personnel/teams/{id:guid}/commitments", AddCommitmentAsync).WithTags("Notice board").WithName("AddCommitment")
            .WithSummary("Post a service commitment (服务承诺) of a team")
            .RequireAuthorization(Permissions.EditNoticeBoard);
        return routes;
    }

    internal static async Task<Results<Ok<NoticeBoardResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string villageCode, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!DivisionCode.IsVillage(villageCode))
        {
            return Problems.Invalid("villageCode", "Must be the 12-digit division code of a village.");
        }

        var village = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == villageCode, cancellationToken);
        if (village is null)
        {
            return Problems.NotFound($"Village {villageCode}");
        }

        // A recalled team is off the board with its members and commitments.
        var teams = await db.WorkTeams.AsNoTracking().Where(t => t.VillageCode == villageCode && t.RetiredAt == null)
            .Select(t => new { t.Id, t.Name, Unit = db.DispatchingUnits.Where(u => u.Id == t.UnitId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var teamIds = teams.Select(t => t.Id).ToList();
        var members = await db.TeamMemberships.AsNoTracking().Where(m => teamIds.Contains(m.TeamId) && m.LeftAt == null)
            .Join(db.Cadres, m => m.CadreId, c => c.Id, (m, c) => new { m.TeamId, m.CadreId, c.Name, m.Role, c.Position, c.PhoneMasked })
            .ToListAsync(cancellationToken);
        var cadreIds = members.Select(m => m.CadreId).ToList();
        // The households each member is paired with in this village: the board is the village's.
        var paired = (await db.Pairings.AsNoTracking().Where(p => p.EndedAt == null && p.VillageCode == villageCode && cadreIds.Contains(p.CadreId))
            .Join(db.Households, p => p.HouseholdId, h => h.Id, (p, h) => new { p.CadreId, h.HouseholdNumber, h.HeadName, p.Kind })
            .OrderBy(x => x.HouseholdNumber)
            .ToListAsync(cancellationToken)).ToLookup(x => x.CadreId);
        var commitments = (await db.Commitments.AsNoTracking().Where(c => teamIds.Contains(c.TeamId)).OrderBy(c => c.CreatedAt)
            .ToListAsync(cancellationToken)).ToLookup(c => c.TeamId);
        var households = await db.Households.LongCountAsync(h => h.VillageCode == villageCode, cancellationToken);
        var pairedHouseholds = await db.Pairings.Where(p => p.EndedAt == null && p.VillageCode == villageCode)
            .Select(p => p.HouseholdId).Distinct().LongCountAsync(cancellationToken);

        var problems = db.VillageProblems.AsNoTracking().Where(p => p.RegionCode == villageCode);
        var openProblems = await problems.LongCountAsync(p => !p.Closed, cancellationToken);
        var closedProblems = await problems.LongCountAsync(p => p.Closed, cancellationToken);
        var latest = await problems.OrderBy(p => p.Closed).ThenByDescending(p => p.RaisedAt).Take(100)
            .Select(p => new BoardProblem(p.CaseNumber, p.Category, p.RaisedAt, p.Closed, p.Outcome, p.ClosedAt))
            .ToListAsync(cancellationToken);

        // A project leaves the board when its publicity period ends, by this service's clock.
        var now = time.GetUtcNow();
        var projects = await db.VillageProjects.AsNoTracking().Where(p => p.RegionCode == villageCode && p.OnNoticeUntil > now)
            .OrderByDescending(p => p.PublishedAt).ThenBy(p => p.ProjectId)
            .ToListAsync(cancellationToken);

        var board = teams.Select(t => new BoardTeam(t.Id, t.Name, t.Unit,
            members.Where(m => m.TeamId == t.Id).OrderBy(m => m.Role).ThenBy(m => m.Name)
                .Select(m => new BoardMember(m.CadreId, m.Name, m.Role.ToString(), m.Position, m.PhoneMasked, paired[m.CadreId].Count(),
                    paired[m.CadreId].Select(h => new BoardHousehold(h.HouseholdNumber, h.HeadName, h.Kind.ToString())).ToList()))
                .ToList(),
            commitments[t.Id].Select(c => new BoardCommitment(c.Id, c.Text, c.CreatedAt)).ToList())).ToList();
        return TypedResults.Ok(new NoticeBoardResponse(villageCode, village.Name, households, pairedHouseholds, board, openProblems, closedProblems, latest,
            projects.Select(p => new BoardProject(p.ProjectId, p.Title, p.Category, p.BudgetFen, p.PaidFen, p.Sources, p.Payees, p.ProgressPercent, p.BeneficiaryCount,
                ChinaTime.Local(p.AcceptedAt), p.CouncilSignOffs, ChinaTime.Local(p.PublishedAt), ChinaTime.Local(p.OnNoticeUntil))).ToList()));
    }

    internal static async Task<Results<Created<BoardCommitment>, ValidationProblem, ProblemHttpResult>> AddCommitmentAsync(
        Guid id, AddCommitmentRequest request, Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var text = request.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 500)
        {
            return Problems.Invalid("text", "Required, at most 500 characters.");
        }

        var team = await db.WorkTeams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.VillageCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (team is null)
        {
            return Problems.NotFound($"Team {id}");
        }

        var commitment = new Commitment { Id = Guid.CreateVersion7(), TeamId = id, Text = text, CreatedAt = time.GetUtcNow(), CreatedBy = caller.UserId };
        db.Commitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/personnel/notice-board/{team.VillageCode}", new BoardCommitment(commitment.Id, commitment.Text, commitment.CreatedAt));
    }
}
