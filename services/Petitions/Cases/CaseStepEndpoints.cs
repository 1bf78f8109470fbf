using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Departments;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.Petitions.Cases;

/// <summary>Each step of a case's life is one POST on /api/petitions/cases/{id}/…; an optional If-Match guards against stale reads.</summary>
public static class CaseStepEndpoints
{
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
        Guid id, AssignRequest request, IValidator<AssignRequest> validator, Caller caller, CaseCommands commands, PetitionsDbContext db, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var holder = await HolderAsync(request, caller, db, http.RequestAborted);
        if (holder.Invalid is not null)
        {
            return holder.Invalid;
        }

        if (holder.Problem is not null)
        {
            return holder.Problem;
        }

        var note = request.Note?.Trim();
        return await commands.RunAsync(id, caller, CaseActions.Assign.Permission, http, (c, rules, now, caseRef) =>
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
        commands.RunAsync(id, caller, CaseActions.Accept.Permission, http, (c, rules, now, caseRef) =>
        {
            c.Accept(caller.UserId, rules, now);
            return new PetitionAccepted(caseRef(), c.ResolveDueAt, now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> NotAcceptAsync(
        Guid id, ReasonRequest request, IValidator<ReasonRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, CaseActions.NotAccept.Permission, http, (c, _, now, caseRef) =>
        {
            c.NotAccept(caller.UserId, request.Reason!.Trim(), now);
            return new PetitionNotAccepted(caseRef(), request.Reason.Trim(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ObjectAsync(
        Guid id, ReasonRequest request, IValidator<ReasonRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, CaseActions.Object.Permission, http, (c, rules, now, caseRef) =>
        {
            var from = c.Object(caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionObjected(caseRef(), from.Code, request.Reason.Trim(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> SendBackAsync(
        Guid id, ReasonRequest request, IValidator<ReasonRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, CaseActions.SendBack.Permission, http, (c, rules, now, caseRef) =>
        {
            var from = c.SendBack(caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionSentBack(caseRef(), from.Code, request.Reason.Trim(), now);
        });

    internal static Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> StartAsync(Guid id, Caller caller, CaseCommands commands, HttpContext http) =>
        commands.RunAsync(id, caller, CaseActions.Start.Permission, http, (c, _, now, _) =>
        {
            c.Start(caller.UserId, now);
            return null;
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> OwnershipAsync(
        Guid id, OwnershipRequest request, IValidator<OwnershipRequest> validator, Caller caller, CaseCommands commands, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var ownership = new Ownership(request.LeadLeader!.Trim(), request.ResponsibleOffice!.Trim(), request.HandlerUserId!.Trim(), request.HandlerName!.Trim(),
            request.ResolutionDeadline!.Value, request.RevisitTarget!.Trim());
        return await commands.RunAsync(id, caller, CaseActions.Ownership.Permission, http, (c, _, now, caseRef) =>
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

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> CallBackAsync(
        Guid id, NoteRequest request, IValidator<NoteRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, CaseActions.CallBack.Permission, http, (c, _, now, caseRef) =>
        {
            c.RecordProgressCallBack(caller.UserId, request.Note!.Trim(), now);
            return new PetitionProgressCalledBack(caseRef(), request.Note.Trim(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> ExtendAsync(
        Guid id, ExtendRequest request, IValidator<ExtendRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid
            ? invalid.ToProblem()
            : await commands.RunAsync(id, caller, CaseActions.Extend.Permission, http, (c, rules, now, caseRef) =>
            {
                c.Extend(request.Days!.Value, request.Reason!.Trim(), caller.UserId, rules, now);
                return new PetitionExtended(caseRef(), request.Days.Value, request.Reason.Trim(), c.ResolveDueAt!.Value, now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        Guid id, EscalateRequest request, IValidator<EscalateRequest> validator, Caller caller, CaseCommands commands, PetitionsDbContext db, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == request.DepartmentCode!.Trim(), http.RequestAborted);
        if (department is null)
        {
            return Problems.Invalid("departmentCode", "Unknown department: see GET /api/petitions/departments.");
        }

        return await commands.RunAsync(id, caller, CaseActions.Escalate.Permission, http, (c, rules, now, caseRef) =>
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
        commands.RunAsync(id, caller, CaseActions.Sign.Permission, http, (c, _, now, caseRef) =>
        {
            c.Sign(caller.UserId, now);
            return new PetitionSigned(caseRef(), now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        Guid id, AnswerRequest request, IValidator<AnswerRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid
            ? invalid.ToProblem()
            : await commands.RunAsync(id, caller, CaseActions.Answer.Permission, http, (c, rules, now, caseRef) =>
            {
                var outcome = Enum.Parse<Outcome>(request.Outcome!, ignoreCase: true);
                c.Answer(outcome, request.Opinion!.Trim(), caller.UserId, rules, now);
                return new PetitionAnswered(caseRef(), outcome.ToString(), c.Opinion!, c.AnsweredBy, c.AnsweredOnTime ?? true,
                    CaseEvents.OpenDue(c, DeadlineKind.Revisit), c.ReviewWindowEndsAt, now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RevisitAsync(
        Guid id, RevisitRequest request, IValidator<RevisitRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid
            ? invalid.ToProblem()
            : await commands.RunAsync(id, caller, CaseActions.Revisit.Permission, http, (c, rules, now, caseRef) =>
            {
                var satisfaction = Enum.Parse<Satisfaction>(request.Satisfaction!, ignoreCase: true);
                c.Revisit(satisfaction, request.HandlerAtFault, request.Note?.Trim(), caller.UserId, rules, now);
                var reopened = c.Status == CaseStatus.InProgress;
                return reopened
                    ? new PetitionRevisited(caseRef(), satisfaction.ToString(), true, now)
                    : new PetitionClosed(caseRef(), c.Outcome?.ToString(), satisfaction.ToString(), now);
            });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> RequestReviewAsync(
        Guid id, ReviewRequest request, IValidator<ReviewRequest> validator, Caller caller, CaseCommands commands, HttpContext http) =>
        validator.Validate(request) is { IsValid: false } invalid ? invalid.ToProblem()
        : await commands.RunAsync(id, caller, CaseActions.RequestReview.Permission, http, (c, rules, now, caseRef) =>
        {
            c.RequestReview(caller.UserId, request.Reason!.Trim(), rules, now);
            return new PetitionReviewRequested(caseRef(), c.ReviewStage.ToString(), CaseEvents.OpenDue(c, DeadlineKind.ReviewAnswer)!.Value, now);
        });

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> AnswerReviewAsync(
        Guid id, AnswerRequest request, IValidator<AnswerRequest> validator, Caller caller, CaseCommands commands, PetitionsDbContext db, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        // Whether the reviewer is above the answering body needs a department's region (an office's is its code) and the reviewer's departments.
        var departmentRegion = await db.Cases.Where(c => c.Id == id)
            .Join(db.Departments, c => c.AnsweringDepartment, d => d.Code, (c, d) => d.RegionCode).SingleOrDefaultAsync(http.RequestAborted);
        var reviewer = new Reviewer(caller.RegionPrefix, await DepartmentStaff.OfAsync(db, caller.UserId, http.RequestAborted));
        return await commands.RunAsync(id, caller, CaseActions.AnswerReview.Permission, http, (c, rules, now, caseRef) =>
        {
            var outcome = Enum.Parse<Outcome>(request.Outcome!, ignoreCase: true);
            c.AnswerReview(outcome, request.Opinion!.Trim(), caller.UserId, reviewer, departmentRegion, rules, now);
            return new PetitionReviewAnswered(caseRef(), c.ReviewStage.ToString(), outcome.ToString(), c.Opinion!, c.Status == CaseStatus.Terminated, now);
        });
    }

    internal static async Task<Results<Ok<CaseView>, ValidationProblem, ProblemHttpResult>> MediationAsync(
        Guid id, MediationRequest request, IValidator<MediationRequest> validator, Caller caller, CaseCommands commands, HttpContext http)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var step = Enum.Parse<MediationStep>(request.Step!, ignoreCase: true);
        MediationLevel? level = request.Level is null ? null : Enum.Parse<MediationLevel>(request.Level, ignoreCase: true);
        var parties = MediationValidator.Parties(request.Parties);
        var record = new MediationRecord(step, level, parties, request.Mediator?.Trim(), request.Agreement?.Trim());
        return await commands.RunAsync(id, caller, CaseActions.Mediate.Permission, http, (c, _, now, caseRef) =>
        {
            c.RecordMediation(record, caller.UserId, request.Note?.Trim(), now);
            var recorded = new PetitionMediationRecorded(caseRef(), step.ToString(), level?.ToString(), now);
            // A settlement closes the case: the board and the petitioner hear of it as of any close.
            return step == MediationStep.Settled ? new object[] { recorded, new PetitionClosed(caseRef(), c.Outcome?.ToString(), null, now) } : recorded;
        });
    }

    /// <summary>The holder a validated assignment names: a department looked up, or a town or village office within the caller's region.</summary>
    private sealed record HolderLookup(Holder? Value, string? DepartmentRegion, ValidationProblem? Invalid, ProblemHttpResult? Problem);

    private static async Task<HolderLookup> HolderAsync(AssignRequest request, Caller caller, PetitionsDbContext db, CancellationToken cancellationToken)
    {
        var code = request.Code!.Trim();
        if (Enum.Parse<HolderKind>(request.Kind!, ignoreCase: true) == HolderKind.Department)
        {
            var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
            return department is null
                ? new HolderLookup(null, null, Problems.Invalid("code", "Unknown department: see GET /api/petitions/departments."), null)
                : new HolderLookup(new Holder(HolderKind.Department, department.Code, department.Name), department.RegionCode, null, null);
        }

        if (!caller.Covers(code))
        {
            return new HolderLookup(null, null, null, Problems.OutsideRegion("code", code, caller.RegionPrefix));
        }

        var name = request.Name?.Trim();
        return new HolderLookup(new Holder(HolderKind.Region, code, string.IsNullOrEmpty(name) ? code : name), null, null, null);
    }
}
