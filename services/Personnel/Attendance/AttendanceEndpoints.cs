using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Cadres;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.Regions;
using MassWork.Personnel.Teams;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Personnel.Attendance;

public static class AttendanceEndpoints
{
    public static IEndpointRouteBuilder MapAttendanceEndpoints(this IEndpointRouteBuilder routes)
    {
        var attendance = routes.MapGroup("/api/personnel/attendance").WithTags("Attendance and leave");
        attendance.MapPost("/check-ins", CheckInAsync).WithName("CheckIn")
            .WithSummary("A resident member checks in for today (Asia/Shanghai); once per day")
            .RequireAuthorization(Permissions.RecordAttendance);
        attendance.MapGet("/check-ins", ListCheckInsAsync).WithName("ListCheckIns")
            .WithSummary("Check-ins in a region and period with position and distance from the village; farOnly=true lists those flagged far")
            .RequireRegionScope();
        attendance.MapGet("/presence", PresenceAsync).WithName("PresenceReport")
            .WithSummary("Days on site per resident member in the week or month containing a date, against the policy")
            .RequireRegionScope();

        var leaves = routes.MapGroup("/api/personnel/leaves").WithTags("Attendance and leave");
        leaves.MapPost("/", RequestLeaveAsync).WithName("RequestLeave")
            .WithSummary("Ask for leave before leaving; the chain follows its length (1 day leader; 2 days leader then town party secretary; 3+ the city leader)")
            .RequireAuthorization(Permissions.RecordAttendance);
        leaves.MapPost("/{id:guid}/decisions", DecideAsync).WithName("DecideLeave")
            .WithSummary("The current step's approver approves or rejects; decisions are final and kept");
        leaves.MapGet("/{id:guid}", GetLeaveAsync).WithName("GetLeave");
        leaves.MapGet("/", ListLeavesAsync).WithName("ListLeaves").WithSummary("Your own leave requests, or those awaiting your decision (awaitingMe=true)");
        return routes;
    }

    internal static async Task<Results<Created<CheckInResponse>, Ok<CheckInResponse>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        CheckInRequest request, Caller caller, PersonnelDbContext db, IValidator<CheckInRequest> validator, TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The check-in is not valid");
        }

        var point = GeoPoint.From(request.Latitude, request.Longitude);

        var cadre = await LeaveApproverLookup.CallerCadreAsync(db, caller.UserId, cancellationToken);
        var membership = cadre is null ? null : await db.TeamMemberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.CadreId == cadre.Id && m.LeftAt == null && m.Role != TeamRole.FullCoverage, cancellationToken);
        if (cadre is null || membership is null)
        {
            return Problems.Forbidden("Only a work team's leader and resident members check in; your login is not one.");
        }

        var today = ChinaTime.Today(time);
        var villageCode = await db.WorkTeams.Where(t => t.Id == membership.TeamId).Select(t => t.VillageCode).SingleAsync(cancellationToken);
        var village = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == villageCode, cancellationToken);
        var policy = await PolicyStore.ForRegionAsync(db, villageCode[..4], cancellationToken);
        var distance = CheckInPlace.Assess(point, request.AccuracyMeters, village?.Location, policy.CheckInRadiusMeters);
        // A phone on a weak signal sends the check-in again while the first is still on its way: the
        // day's check-ins of one cadre wait for each other, and all but the first answer 200 with it.
        return await KeyedEdit<CheckIn>.SaveAsync<Results<Created<CheckInResponse>, Ok<CheckInResponse>, ValidationProblem, ProblemHttpResult>>(
            db, $"{cadre.Id}:{today:yyyy-MM-dd}", async () =>
            {
                var existing = await db.CheckIns.AsNoTracking().SingleOrDefaultAsync(c => c.CadreId == cadre.Id && c.Day == today, cancellationToken);
                if (existing is not null)
                {
                    return TypedResults.Ok(new CheckInResponse(cadre.Id, today, existing.CheckedInAt, true, existing.DistanceMeters, existing.FarFromVillage));
                }

                var checkIn = db.CheckIns.Add(new CheckIn
                {
                    CadreId = cadre.Id, Day = today, TeamId = membership.TeamId, CheckedInAt = time.GetUtcNow(), Note = request.Note?.Trim(),
                    Latitude = point?.Latitude, Longitude = point?.Longitude, AccuracyMeters = request.AccuracyMeters,
                    DistanceMeters = distance?.Meters, FarFromVillage = distance?.Far,
                }).Entity;
                return TypedResults.Created($"/api/personnel/attendance/presence?teamId={membership.TeamId}",
                    new CheckInResponse(cadre.Id, today, checkIn.CheckedInAt, false, checkIn.DistanceMeters, checkIn.FarFromVillage));
            }, cancellationToken);
    }

    /// <summary>Check-ins of the teams in a region over a period, for supervisors; farOnly lists those flagged far from the village.</summary>
    internal static async Task<Results<Ok<CheckInPage>, ValidationProblem, ProblemHttpResult>> ListCheckInsAsync(
        Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken,
        string? region = null, Guid? teamId = null, DateOnly? from = null, DateOnly? to = null, bool farOnly = false, int page = 1, int pageSize = 50)
    {
        var prefix = region?.Trim() ?? caller.RegionPrefix;
        if ((!RegionPrefixes.IsValid(prefix) ? Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.") : Problems.Paging(page, pageSize)) is { } problem)
        {
            return problem;
        }

        var last = to ?? ChinaTime.Today(time);
        var first = from ?? last.AddDays(-30);
        if (last < first)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        var query = db.CheckIns.AsNoTracking()
            .Where(c => c.Day >= first && c.Day <= last && (teamId == null || c.TeamId == teamId) && (!farOnly || c.FarFromVillage == true))
            .Join(db.WorkTeams.Where(t => t.VillageCode.StartsWith(prefix)), c => c.TeamId, t => t.Id, (c, t) => new { c, t.VillageCode })
            .Join(db.Cadres, x => x.c.CadreId, cadre => cadre.Id, (x, cadre) => new { x.c, x.VillageCode, cadre.Name });
        var total = await query.CountAsync(cancellationToken);
        var lines = await query.OrderByDescending(x => x.c.Day).ThenBy(x => x.Name).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new CheckInLine(x.c.CadreId, x.Name, x.c.TeamId, x.VillageCode, x.c.Day, x.c.CheckedInAt,
                x.c.Latitude, x.c.Longitude, x.c.AccuracyMeters, x.c.DistanceMeters, x.c.FarFromVillage, x.c.Note))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new CheckInPage(lines, total));
    }

    internal static async Task<Results<Ok<PresenceReport>, ValidationProblem, ProblemHttpResult>> PresenceAsync(
        Caller caller, PersonnelDbContext db, TimeProvider time, CancellationToken cancellationToken,
        Guid? teamId = null, string? region = null, DateOnly? date = null)
    {
        var prefix = region?.Trim() ?? caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(prefix))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
        }

        var policy = await PolicyStore.ForRegionAsync(db, prefix.Length >= 4 ? prefix : caller.RegionPrefix.PadRight(4, '0'), cancellationToken);
        var (first, last) = PresenceRule.PeriodContaining(date ?? ChinaTime.Today(time), policy.PresencePeriod);
        var members = await db.TeamMemberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.Role != TeamRole.FullCoverage && (teamId == null || m.TeamId == teamId))
            .Join(db.WorkTeams.Where(t => t.VillageCode.StartsWith(prefix)), m => m.TeamId, t => t.Id, (m, t) => new { m, t.VillageCode })
            .Join(db.Cadres, x => x.m.CadreId, c => c.Id, (x, c) => new
            {
                x.m.CadreId, c.Name, x.m.Role, x.m.TeamId, x.VillageCode,
                Present = db.CheckIns.Count(ci => ci.CadreId == c.Id && ci.Day >= first && ci.Day <= last),
                Far = db.CheckIns.Count(ci => ci.CadreId == c.Id && ci.Day >= first && ci.Day <= last && ci.FarFromVillage == true),
                Leaves = db.LeaveRequests.Where(l => l.CadreId == c.Id && l.Status == LeaveStatus.Approved && l.FirstDay <= last && l.LastDay >= first)
                    .Select(l => new { l.FirstDay, l.LastDay }).ToList(),
            })
            .OrderBy(x => x.VillageCode).ThenBy(x => x.Name)
            .ToListAsync(cancellationToken);
        var lines = members.Select(m =>
        {
            var leaveDays = m.Leaves.Sum(l => PresenceRule.Overlap(l.FirstDay, l.LastDay, first, last));
            var required = PresenceRule.RequiredDays(policy.PresenceDays, leaveDays);
            return new PresenceLine(m.CadreId, m.Name, m.Role.ToString(), m.TeamId, m.VillageCode, m.Present, leaveDays, required, m.Present >= required, m.Far);
        }).ToList();
        return TypedResults.Ok(new PresenceReport(policy.PresencePeriod.ToString(), first, last, policy.PresenceDays, lines));
    }

    internal static async Task<Results<Created<LeaveResponse>, ValidationProblem, ProblemHttpResult>> RequestLeaveAsync(
        RequestLeaveRequest request, Caller caller, PersonnelDbContext db, IValidator<RequestLeaveRequest> validator, PersonalDataProtector protector,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request, ChinaTime.Today(time)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The leave request is not valid");
        }

        var cadre = await LeaveApproverLookup.CallerCadreAsync(db, caller.UserId, cancellationToken);
        var team = cadre is null ? null : await db.TeamMemberships.AsNoTracking()
            .Where(m => m.CadreId == cadre.Id && m.LeftAt == null && m.Role != TeamRole.FullCoverage)
            .Join(db.WorkTeams, m => m.TeamId, t => t.Id, (m, t) => t).SingleOrDefaultAsync(cancellationToken);
        if (cadre is null || team is null)
        {
            return Problems.Forbidden("Only a work team's leader and resident members ask for leave here; your login is not one.");
        }

        var (first, last) = (request.FirstDay!.Value, request.LastDay!.Value);
        if (await db.LeaveRequests.AnyAsync(l => l.CadreId == cadre.Id && l.Status != LeaveStatus.Rejected && l.FirstDay <= last && l.LastDay >= first, cancellationToken))
        {
            return Problems.Conflict("Overlapping leave", "You already asked for leave on some of these days.");
        }

        var townCode = team.VillageCode[..9] + "000";
        var leave = LeaveRequest.Create(cadre.Id, team.Id, townCode, first, last, request.Reason!.Trim(), time.GetUtcNow());
        var approvers = await LeaveApproverLookup.ForTeamAsync(db, team.Id, townCode, cancellationToken);
        var approverId = LeaveChain.ApproverFor(leave.Steps[0], cadre.Id, approvers);
        if (approverId is null)
        {
            return Problems.Conflict("No approver", $"Nobody holds the {leave.Steps[0]} role for your team or town yet; ask the town to name one.");
        }

        var approver = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == approverId, cancellationToken);
        db.LeaveRequests.Add(leave);
        db.RaiseIntegrationEvent(new LeaveRequested(leave.Id, cadre.Id, cadre.Name, first, last, leave.Days, leave.Reason, leave.Steps[0].ToString(),
            approver.Id, approver.Name, Phone(approver, protector), leave.RequestedAt), leave.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/personnel/leaves/{leave.Id}", ToResponse(leave, cadre.Name, approverId));
    }

    internal static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        Guid id, DecideLeaveRequest request, Caller caller, PersonnelDbContext db, PersonalDataProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Approve is null)
        {
            return Problems.Invalid("approve", "Required: true to approve, false to reject.");
        }

        if (request.Comment?.Length > 500)
        {
            return Problems.Invalid("comment", "At most 500 characters.");
        }

        var leave = await db.LeaveRequests.Include(l => l.Decisions).SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (leave is null)
        {
            return Problems.NotFound($"Leave {id}");
        }

        if (leave.Status != LeaveStatus.Pending)
        {
            return Problems.Conflict("Leave already decided", $"It was {leave.Status.ToString().ToLowerInvariant()}; decisions are final.");
        }

        var approvers = await LeaveApproverLookup.ForTeamAsync(db, leave.TeamId, leave.TownCode, cancellationToken);
        var approverId = LeaveChain.ApproverFor(leave.CurrentStep!.Value, leave.CadreId, approvers);
        var me = await LeaveApproverLookup.CallerCadreAsync(db, caller.UserId, cancellationToken);
        if (me is null || me.Id != approverId)
        {
            return Problems.Forbidden($"This step ({leave.CurrentStep}) is decided by its approver only.");
        }

        var decision = leave.Decide(me.Id, caller.UserId, request.Approve.Value, request.Comment?.Trim(), time.GetUtcNow());
        var requester = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == leave.CadreId, cancellationToken);
        Cadre? next = null;
        if (leave.CurrentStep is { } nextStep && LeaveChain.ApproverFor(nextStep, leave.CadreId, approvers) is { } nextId)
        {
            next = await db.Cadres.AsNoTracking().SingleAsync(c => c.Id == nextId, cancellationToken);
        }

        db.RaiseIntegrationEvent(new LeaveDecided(leave.Id, leave.CadreId, requester.Name, Phone(requester, protector), decision.Step.ToString(),
            decision.Approved ? "Approved" : "Rejected", leave.Status.ToString(), me.Id, decision.Comment, decision.DecidedAt,
            leave.CurrentStep?.ToString(), next?.Id, next?.Name, next is null ? null : Phone(next, protector)), leave.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("Leave decided meanwhile", "Another decision was recorded first; reload it.");
        }

        return TypedResults.Ok(ToResponse(leave, requester.Name, next?.Id));
    }

    internal static async Task<Results<Ok<LeaveResponse>, ProblemHttpResult>> GetLeaveAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var scope = caller.RegionPrefix.Length > 9 ? caller.RegionPrefix[..9] : caller.RegionPrefix;
        var leave = await db.LeaveRequests.AsNoTracking().Include(l => l.Decisions)
            .SingleOrDefaultAsync(l => l.Id == id && l.TownCode.StartsWith(scope), cancellationToken);
        if (leave is null)
        {
            return Problems.NotFound($"Leave {id}");
        }

        var name = await db.Cadres.Where(c => c.Id == leave.CadreId).Select(c => c.Name).SingleAsync(cancellationToken);
        Guid? approverId = null;
        if (leave.CurrentStep is { } step)
        {
            approverId = LeaveChain.ApproverFor(step, leave.CadreId, await LeaveApproverLookup.ForTeamAsync(db, leave.TeamId, leave.TownCode, cancellationToken));
        }

        return TypedResults.Ok(ToResponse(leave, name, approverId));
    }

    internal static async Task<Results<Ok<List<LeaveResponse>>, ProblemHttpResult>> ListLeavesAsync(
        Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, bool awaitingMe = false)
    {
        var me = await LeaveApproverLookup.CallerCadreAsync(db, caller.UserId, cancellationToken);
        if (me is null)
        {
            return Problems.Forbidden("Your login is not linked to a cadre.");
        }

        List<LeaveRequest> leaves;
        if (awaitingMe)
        {
            // Only leaves of teams the caller leads or towns where the caller is an official can await them.
            var ledTeams = db.TeamMemberships.Where(m => m.CadreId == me.Id && m.Role == TeamRole.Leader && m.LeftAt == null).Select(m => m.TeamId);
            var towns = db.TownOfficials.Where(o => o.PartySecretaryCadreId == me.Id || o.CityLeaderCadreId == me.Id).Select(o => o.TownCode);
            leaves = await db.LeaveRequests.AsNoTracking().Include(l => l.Decisions)
                .Where(l => l.Status == LeaveStatus.Pending && (ledTeams.Contains(l.TeamId) || towns.Contains(l.TownCode)))
                .OrderBy(l => l.RequestedAt).Take(500).ToListAsync(cancellationToken);
        }
        else
        {
            leaves = await db.LeaveRequests.AsNoTracking().Include(l => l.Decisions)
                .Where(l => l.CadreId == me.Id).OrderByDescending(l => l.RequestedAt).Take(500).ToListAsync(cancellationToken);
        }

        var cadreIds = leaves.Select(l => l.CadreId).Distinct().ToList();
        var names = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var approversByTeam = new Dictionary<Guid, LeaveApprovers>();
        var result = new List<LeaveResponse>();
        foreach (var leave in leaves)
        {
            Guid? approverId = null;
            if (leave.CurrentStep is { } step)
            {
                if (!approversByTeam.TryGetValue(leave.TeamId, out var approvers))
                {
                    approversByTeam[leave.TeamId] = approvers = await LeaveApproverLookup.ForTeamAsync(db, leave.TeamId, leave.TownCode, cancellationToken);
                }

                approverId = LeaveChain.ApproverFor(step, leave.CadreId, approvers);
            }

            if (!awaitingMe || approverId == me.Id)
            {
                result.Add(ToResponse(leave, names[leave.CadreId], approverId));
            }
        }

        return TypedResults.Ok(result);
    }

    private static string? Phone(Cadre cadre, PersonalDataProtector protector) => cadre.PhoneCipher is null ? null : protector.Decrypt(cadre.PhoneCipher);

    private static LeaveResponse ToResponse(LeaveRequest l, string cadreName, Guid? approverId) => new(
        l.Id, l.CadreId, cadreName, l.FirstDay, l.LastDay, l.Days, l.Reason, l.Status.ToString(), l.Steps.Select(s => s.ToString()).ToList(),
        l.CurrentStep?.ToString(), approverId, l.RequestedAt,
        l.Decisions.OrderBy(d => d.DecidedAt).Select(d => new LeaveDecisionResponse(d.Step.ToString(), d.ApproverCadreId, d.Approved, d.Comment, d.DecidedAt, d.DecidedBy)).ToList());
}
