using MassWork.ServiceDefaults.Errors;
using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Data;
using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using MassWork.ServiceDefaults;

namespace MassWork.Petitions.Cases;

/// <summary>Each step of a case's life is one POST on /api/petitions/cases/{id}/…; an optional If-Match guards against stale reads.</summary>
public static class CaseStepEndpoints
{
    private const int MaxText = 4000;

    public static IEndpointRouteBuilder MapCaseStepEndpoints(this IEndpointRouteBuilder routes)
    {
        var steps = routes.MapGroup("/api/petitions/cases/{id:guid}").WithTags("Case steps");
        steps.MapPost("/assign", AssignAsync).WithName("AssignCase").WithSummary("转送/交办 to a town or village office or a department; again later to reassign (history kept)");
        steps.MapPost("/accept", AcceptAsync).WithName("AcceptCase").WithSummary("受理: the holder accepts; the handling limit starts");
        steps.MapPost("/not-accept", NotAcceptAsync).WithName("NotAcceptCase").WithSummary("不予受理 with a reason; final");
        steps.MapPost("/object", ObjectAsync).WithName("ObjectToCase").WithSummary("The holder objects that the matter is outside its remit, within 5 working days");
        steps.MapPost("/send-back", SendBackAsync).WithName("SendBackCase").WithSummary("退单 with a reason: a department's work order returns to the town; otherwise back to routing");
        steps.MapPost("/start", StartAsync).WithName("StartCase").WithSummary("The holder starts handling (办理中)");
        steps.MapPut("/ownership", OwnershipAsync).WithName("SetCaseOwnership").WithSummary("五定: lead leader, responsible office, handler, resolution deadline, revisit target");
        steps.MapPost("/progress-call-backs", CallBackAsync).WithName("RecordProgressCallBack").WithSummary("The petitioner was told how the case stands (7-day call-back)");
        steps.MapPost("/extension", ExtendAsync).WithName("ExtendCase").WithSummary("The one extension of the handling limit, approved by a leader, with the reason told to the petitioner");
        steps.MapPost("/escalate", EscalateAsync).WithName("EscalateCase").WithSummary("Hand the case to a county department as a work order");
        steps.MapPost("/sign", SignAsync).WithName("SignCase").WithSummary("签收: the department takes the work order");
        steps.MapPost("/answer", AnswerAsync).WithName("AnswerCase").WithSummary("The outcome (Supported 支持 / Explained 解释说明 / NotSupported 不予支持; a suggestion Adopted 吸纳 / NotAdopted) and written opinion");
        steps.MapPost("/revisit", RevisitAsync).WithName("RevisitCase").WithSummary("回访: Satisfied / BasicallySatisfied / Dissatisfied; dissatisfaction the handler caused reopens the case");
        steps.MapPost("/review-requests", RequestReviewAsync).WithName("RequestCaseReview").WithSummary("复查 (then 复核) asked within 30 days of the opinion");
        steps.MapPost("/review-answer", AnswerReviewAsync).WithName("AnswerCaseReview").WithSummary("Answer the 复查/复核; after 复核 the matter is final (终结)");
        steps.MapPost("/mediation", MediationAsync).WithName("RecordMediation").WithSummary("Disputes: Investigated, Mediated, Settled at Group / Village / Town");
        return routes;
    }

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        Guid id, AssignRequest request, Caller caller, CaseCommands commands, PetitionsDbContext db, HttpContext http)
    {
        var holder = await HolderAsync(request, caller, db, http.RequestAborted);
        if (holder.Problem is not null)
        {
            return holder.Problem;
        }

        if (holder.Error is { } error)
        {
            return Problems.Invalid(error.Field, error.Message);
        }

        var note = request.Note?.Trim();
        return await commands.RunAsync(id, caller, CasePermission.Route, http, (c, rules, now, caseRef) =>
        {
            if (holder.Value!.Kind == HolderKind.Department && !c.RegionCode.StartsWith(holder.DepartmentRegion!, StringComparison.Ordinal))
            {
                throw DomainException.Invalid("code", $"Department {holder.Value.Code} does not serve region {c.RegionCode}.");
            }

            var reassigned = c.Status != CaseStatus.Registered;
            if (reassigned)
            {
                c.Reassign(holder.Value, caller.UserId, note ?? "改派", rules, now);
            }
            else
            {
                c.Assign(holder.Value, caller.UserId, note, rules, now);
            }

            return new PetitionAssigned(caseRef(), reassigned, note, CaseEvents.OpenDue(c, DeadlineKind.Accept), now);
        });
    }

    internal static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AcceptAsync(Guid id, Caller caller, CaseCommands commands, HttpContext http) =>
        commands.RunAsync(id, caller, CasePermission.Handle, http, (c, rules, now, caseRef) =>
        {
            c.Accept(caller.UserId, rules, now);
            return new PetitionAccepted(caseRef(), c.ResolveDueAt, now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> NotAcceptAsync(Guid id, ReasonRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        Text(request.Reason, "reason", 500) is { } problem ? problem
        : await commands.RunAsync(id, caller, CasePermission.Handle, http, (c, _, now, caseRef) =>
        {
            c.NotAccept(caller.UserId, request.Reason!.Trim(), now);
            return new PetitionNotAccepted(caseRef(), request.Reason.Trim(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ObjectAsync(Guid id, ReasonRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        Text(request.Reason, "reason", 500) is { } problem ? problem
        : await commands.RunAsync(id, caller, CasePermission.Handle, http, (c, rules, now, caseRef) =>
        {
            var from = c.Object(caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionObjected(caseRef(), from.Code, request.Reason.Trim(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> SendBackAsync(Guid id, ReasonRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        Text(request.Reason, "reason", 500) is { } problem ? problem
        : await commands.RunAsync(id, caller, CasePermission.Handle, http, (c, rules, now, caseRef) =>
        {
            var from = c.SendBack(caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionSentBack(caseRef(), from.Code, request.Reason.Trim(), now);
        });

    internal static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> StartAsync(Guid id, Caller caller, CaseCommands commands, HttpContext http) =>
        commands.RunAsync(id, caller, CasePermission.Handle, http, (c, _, now, _) =>
        {
            c.Start(caller.UserId, now);
            return null;
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> OwnershipAsync(Guid id, OwnershipRequest request, Caller caller, CaseCommands commands, HttpContext http)
    {
        var problem = Text(request.LeadLeader, "leadLeader", 50) ?? Text(request.ResponsibleOffice, "responsibleOffice", 100)
            ?? Text(request.HandlerUserId, "handlerUserId", 100) ?? Text(request.HandlerName, "handlerName", 50) ?? Text(request.RevisitTarget, "revisitTarget", 100)
            ?? (request.ResolutionDeadline is null ? Problems.Invalid("resolutionDeadline", "Required (yyyy-MM-dd).") : null);
        if (problem is not null)
        {
            return problem;
        }

        var ownership = new Ownership(request.LeadLeader!.Trim(), request.ResponsibleOffice!.Trim(), request.HandlerUserId!.Trim(), request.HandlerName!.Trim(),
            request.ResolutionDeadline!.Value, request.RevisitTarget!.Trim());
        return await commands.RunAsync(id, caller, CasePermission.Route, http, (c, _, now, caseRef) =>
        {
            if (c.ResolveDueAt is { } due && ownership.ResolutionDeadline > DateOnly.FromDateTime(ChinaTime.Local(due).AddTicks(-1).DateTime))
            {
                throw DomainException.Invalid("resolutionDeadline", $"The resolution deadline cannot be later than the handling limit ({ChinaTime.Local(due).AddTicks(-1):yyyy-MM-dd}).");
            }

            c.SetOwnership(ownership, caller.UserId, now);
            return new PetitionOwnershipSet(caseRef(), ownership.LeadLeader, ownership.ResponsibleOffice, ownership.HandlerUserId, ownership.HandlerName,
                ownership.ResolutionDeadline, ownership.RevisitTarget, now, c.NextDue);
        });
    }

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> CallBackAsync(Guid id, NoteRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        Text(request.Note, "note", 500) is { } problem ? problem
        : await commands.RunAsync(id, caller, CasePermission.Follow, http, (c, _, now, caseRef) =>
        {
            c.RecordProgressCallBack(caller.UserId, request.Note!.Trim(), now);
            return new PetitionProgressCalledBack(caseRef(), request.Note.Trim(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(Guid id, ExtendRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        (request.Days is null ? Problems.Invalid("days", "Required: 1 to the policy's maximum (30 by the regulation).") : Text(request.Reason, "reason", 500)) is { } problem
            ? problem
            : await commands.RunAsync(id, caller, CasePermission.Approve, http, (c, rules, now, caseRef) =>
            {
                c.Extend(request.Days!.Value, request.Reason!.Trim(), caller.UserId, rules, now);
                return new PetitionExtended(caseRef(), request.Days.Value, request.Reason.Trim(), c.ResolveDueAt!.Value, now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        Guid id, EscalateRequest request, Caller caller, CaseCommands commands, PetitionsDbContext db, HttpContext http)
    {
        if ((Text(request.DepartmentCode, "departmentCode", 40) ?? Text(request.Reason, "reason", 500)) is { } problem)
        {
            return problem;
        }

        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == request.DepartmentCode!.Trim(), http.RequestAborted);
        if (department is null)
        {
            return Problems.Invalid("departmentCode", "Unknown department: see GET /api/petitions/departments.");
        }

        return await commands.RunAsync(id, caller, CasePermission.Handle, http, (c, rules, now, caseRef) =>
        {
            if (!c.RegionCode.StartsWith(department.RegionCode, StringComparison.Ordinal))
            {
                throw DomainException.Invalid("departmentCode", $"Department {department.Code} does not serve region {c.RegionCode}.");
            }

            c.Escalate(new Holder(HolderKind.Department, department.Code, department.Name), caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionEscalated(caseRef(), department.Code, department.Name, request.Reason.Trim(),
                CaseEvents.OpenDue(c, DeadlineKind.Sign)!.Value, CaseEvents.OpenDue(c, DeadlineKind.WorkOrderResult)!.Value, now);
        });
    }

    internal static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> SignAsync(Guid id, Caller caller, CaseCommands commands, HttpContext http) =>
        commands.RunAsync(id, caller, CasePermission.Handle, http, (c, _, now, caseRef) =>
        {
            c.Sign(caller.UserId, now);
            return new PetitionSigned(caseRef(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(Guid id, AnswerRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        (ParseEnum<Outcome>(request.Outcome, "outcome", out var outcome) ?? Text(request.Opinion, "opinion", MaxText)) is { } problem
            ? problem
            : await commands.RunAsync(id, caller, CasePermission.Handle, http, (c, rules, now, caseRef) =>
            {
                c.Answer(outcome, request.Opinion!.Trim(), caller.UserId, rules, now);
                return new PetitionAnswered(caseRef(), outcome.ToString(), c.Opinion!, c.AnsweredBy, c.AnsweredOnTime ?? true,
                    CaseEvents.OpenDue(c, DeadlineKind.Revisit), c.ReviewWindowEndsAt, now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RevisitAsync(Guid id, RevisitRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        (ParseEnum<Satisfaction>(request.Satisfaction, "satisfaction", out var satisfaction) ?? (request.Note?.Length > 500 ? Problems.Invalid("note", "At most 500 characters.") : null)) is { } problem
            ? problem
            : await commands.RunAsync(id, caller, CasePermission.Follow, http, (c, rules, now, caseRef) =>
            {
                c.Revisit(satisfaction, request.HandlerAtFault, request.Note?.Trim(), caller.UserId, rules, now);
                var reopened = c.Status == CaseStatus.InProgress;
                return reopened
                    ? new PetitionRevisited(caseRef(), satisfaction.ToString(), true, now)
                    : new PetitionClosed(caseRef(), c.Outcome?.ToString(), satisfaction.ToString(), now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RequestReviewAsync(Guid id, ReasonRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        Text(request.Reason, "reason", 1000) is { } problem ? problem
        : await commands.RunAsync(id, caller, CasePermission.Follow, http, (c, rules, now, caseRef) =>
        {
            c.RequestReview(caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionReviewRequested(caseRef(), c.ReviewStage.ToString(), CaseEvents.OpenDue(c, DeadlineKind.ReviewAnswer)!.Value, now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AnswerReviewAsync(Guid id, AnswerRequest request, Caller caller, CaseCommands commands, HttpContext http) =>
        (ParseEnum<Outcome>(request.Outcome, "outcome", out var outcome) ?? Text(request.Opinion, "opinion", MaxText)) is { } problem
            ? problem
            : await commands.RunAsync(id, caller, CasePermission.Review, http, (c, rules, now, caseRef) =>
            {
                c.AnswerReview(outcome, request.Opinion!.Trim(), caller.UserId, caller.RegionPrefix, rules, now);
                return new PetitionReviewAnswered(caseRef(), c.ReviewStage.ToString(), outcome.ToString(), c.Opinion!, c.Status == CaseStatus.Terminated, now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> MediationAsync(Guid id, MediationRequest request, Caller caller, CaseCommands commands, HttpContext http)
    {
        var problem = ParseEnum<MediationStep>(request.Step, "step", out var step);
        MediationLevel? level = null;
        if (problem is null && request.Level is not null)
        {
            problem = ParseEnum<MediationLevel>(request.Level, "level", out var parsed);
            level = parsed;
        }

        if (problem is null && step == MediationStep.Settled && level is null)
        {
            problem = Problems.Invalid("level", "A settled dispute names the level that settled it: Group, Village or Town.");
        }

        if (problem is null && request.Note?.Length > 500)
        {
            problem = Problems.Invalid("note", "At most 500 characters.");
        }

        var parties = request.Parties?.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        if (problem is null && (parties is { Count: > 20 } || parties?.Any(p => p.Length > 50) == true
                                || (step == MediationStep.Investigated && parties is not { Count: >= 2 })))
        {
            problem = Problems.Invalid("parties", "The dispute's parties by name: at least two when it is investigated, at most 20 of at most 50 characters.");
        }

        if (problem is null && step == MediationStep.Mediated && Text(request.Mediator, "mediator", 50) is { } noMediator)
        {
            problem = noMediator;
        }

        if (problem is null && step == MediationStep.Settled && Text(request.Agreement, "agreement", 1000) is { } noAgreement)
        {
            problem = noAgreement;
        }

        if (problem is not null)
        {
            return problem;
        }

        var record = new MediationRecord(step, level, parties, request.Mediator?.Trim(), request.Agreement?.Trim());
        return await commands.RunAsync(id, caller, CasePermission.Handle, http, (c, _, now, caseRef) =>
        {
            c.RecordMediation(record, caller.UserId, request.Note?.Trim(), now);
            var recorded = new PetitionMediationRecorded(caseRef(), step.ToString(), level?.ToString(), now);
            // A settlement closes the case: the board and the petitioner hear of it as of any close.
            return step == MediationStep.Settled ? new object[] { recorded, new PetitionClosed(caseRef(), c.Outcome?.ToString(), null, now) } : recorded;
        });
    }

    private static ValidationProblem? Text(string? value, string field, int max) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().Length > max ? Problems.Invalid(field, $"Required, at most {max} characters.") : null;

    private static ValidationProblem? ParseEnum<T>(string? value, string field, out T parsed)
        where T : struct, Enum =>
        EnumNames.TryParse(value, out parsed) ? null : Problems.Invalid(field, EnumNames.OneOf<T>());

    private sealed record HolderLookup(Holder? Value, string? DepartmentRegion, (string Field, string Message)? Error, ProblemHttpResult? Problem);

    private static async Task<HolderLookup> HolderAsync(AssignRequest request, Caller caller, PetitionsDbContext db, CancellationToken cancellationToken)
    {
        var code = request.Code?.Trim();
        if (!EnumNames.TryParse<HolderKind>(request.Kind, out var kind))
        {
            return new HolderLookup(null, null, ("kind", "Region (a town or village office) or Department."), null);
        }

        if (string.IsNullOrEmpty(code))
        {
            return new HolderLookup(null, null, ("code", "Required: a division code or a department code."), null);
        }

        if (kind == HolderKind.Department)
        {
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            return department is null
                ? new HolderLookup(null, null, ("code", "Unknown department: see GET /api/petitions/departments."), null)
                : new HolderLookup(new Holder(HolderKind.Department, department.Code, department.Name), department.RegionCode, null, null);
        }

        if (code.Length != 12 || !code.All(char.IsAsciiDigit))
        {
            return new HolderLookup(null, null, ("code", "The 12-digit division code of a town or village office."), null);
        }

        if (!caller.Covers(code))
        {
            return new HolderLookup(null, null, null, Problems.OutsideRegion("code", code, caller.RegionPrefix));
        }

        var name = request.Name?.Trim();
        return name?.Length > 100
            ? new HolderLookup(null, null, ("name", "At most 100 characters."), null)
            : new HolderLookup(new Holder(HolderKind.Region, code, string.IsNullOrEmpty(name) ? code : name), null, null, null);
    }
}
