using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Pairings;

public static class AssignmentEndpoints
{
    public static IEndpointRouteBuilder MapAssignmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/personnel/assignments").WithTags("Pairing");
        group.MapPost("/", ProposeAsync).WithName("ProposeAssignment")
            .WithSummary("Propose pairings for a village's or town's uncovered households (Village mode: the work teams; Compound mode: cadres living in each compound)")
            .RequireAuthorization(Permissions.PlanAssignments);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetAssignmentProposal").WithSummary("A proposal for review: items, and each cadre's share and load after it");
        group.MapPost("/{id:guid}/apply", ApplyAsync).WithName("ApplyAssignmentProposal")
            .WithSummary("Apply a reviewed proposal in one transaction; items overtaken since are skipped")
            .RequireAuthorization(Permissions.PlanAssignments);
        group.MapPost("/{id:guid}/discard", DiscardAsync).WithName("DiscardAssignmentProposal")
            .RequireAuthorization(Permissions.PlanAssignments);
        return routes;
    }

    internal static async Task<Results<Created<ProposalResponse>, ValidationProblem, ProblemHttpResult>> ProposeAsync(
        ProposeAssignmentRequest request, Caller caller, PersonnelDbContext db, IValidator<ProposeAssignmentRequest> validator, AssignmentService service,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The assignment request is not valid");
        }

        var code = request.RegionCode!.Trim();
        var mode = AssignmentMode.Village;
        if (request.Mode is not null)
        {
            EnumNames.TryParse(request.Mode, out mode);
        }

        if (!caller.Covers(code))
        {
            return Problems.OutsideRegion("regionCode", code, caller.RegionPrefix);
        }

        if (!await db.Regions.AnyAsync(r => r.Code == code, cancellationToken))
        {
            return Problems.Invalid("regionCode", $"Region {code} is not in the register.");
        }

        var proposal = await service.ProposeAsync(code, mode, caller.UserId, cancellationToken);
        return TypedResults.Created($"/api/personnel/assignments/{proposal.Id}", await DescribeAsync(db, proposal, cancellationToken));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var proposal = await db.AssignmentProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken);
        return proposal is null ? Problems.NotFound($"Proposal {id}") : TypedResults.Ok(await DescribeAsync(db, proposal, cancellationToken));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> ApplyAsync(
        Guid id, Caller caller, PersonnelDbContext db, AssignmentService service, CancellationToken cancellationToken)
    {
        var proposal = await db.AssignmentProposals.SingleOrDefaultAsync(p => p.Id == id && p.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (proposal is null)
        {
            return Problems.NotFound($"Proposal {id}");
        }

        await service.ApplyAsync(proposal, caller.UserId, cancellationToken);
        return TypedResults.Ok(await DescribeAsync(db, proposal, cancellationToken));
    }

    internal static async Task<Results<Ok<ProposalResponse>, ProblemHttpResult>> DiscardAsync(
        Guid id, Caller caller, PersonnelDbContext db, AssignmentService service, CancellationToken cancellationToken)
    {
        var proposal = await db.AssignmentProposals.SingleOrDefaultAsync(p => p.Id == id && p.RegionCode.StartsWith(caller.RegionPrefix), cancellationToken);
        if (proposal is null)
        {
            return Problems.NotFound($"Proposal {id}");
        }

        await service.DiscardAsync(proposal, caller.UserId, cancellationToken);
        return TypedResults.Ok(await DescribeAsync(db, proposal, cancellationToken));
    }

    private const int ItemsShown = 1000;

    private static async Task<ProposalResponse> DescribeAsync(PersonnelDbContext db, AssignmentProposal proposal, CancellationToken cancellationToken)
    {
        var cadreIds = proposal.Items.Select(i => i.CadreId).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, Load = db.Pairings.Count(p => p.CadreId == c.Id && p.EndedAt == null) })
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var shown = proposal.Items.Take(ItemsShown).ToList();
        var householdIds = shown.Select(i => i.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id))
            .Select(h => new { h.Id, h.HouseholdNumber, h.HeadName }).ToDictionaryAsync(h => h.Id, cancellationToken);
        var applied = proposal.Status == ProposalStatus.Applied;
        var shares = proposal.Items.GroupBy(i => i.CadreId)
            .Select(g => new CadreShare(g.Key, cadres.GetValueOrDefault(g.Key)?.Name ?? "", g.Count(),
                (cadres.GetValueOrDefault(g.Key)?.Load ?? 0) + (applied ? 0 : g.Count())))
            .OrderBy(s => s.CadreName).ToList();
        return new ProposalResponse(proposal.Id, proposal.RegionCode, proposal.Mode.ToString(), proposal.Status.ToString(), proposal.Items.Count,
            proposal.UnassignedCount, proposal.CreatedAt, proposal.CreatedBy, proposal.DecidedAt, proposal.Applied, proposal.Skipped, shares,
            shown.Select(i => new ProposalItemResponse(i.HouseholdId, households.GetValueOrDefault(i.HouseholdId)?.HouseholdNumber ?? "",
                households.GetValueOrDefault(i.HouseholdId)?.HeadName ?? "", i.CadreId, cadres.GetValueOrDefault(i.CadreId)?.Name ?? "", i.Kind.ToString())).ToList());
    }
}
