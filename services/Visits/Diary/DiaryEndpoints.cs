using MassWork.Visits.Records;

namespace MassWork.Visits.Diary;

public static class DiaryEndpoints
{
    public static IEndpointRouteBuilder MapDiaryEndpoints(this IEndpointRouteBuilder routes)
    {
        var diary = routes.MapGroup("/api/visits/diary").WithTags("Diary");
        diary.MapPost("/", WriteAsync).WithName("WriteDiaryEntry")
            .WithSummary("Write an entry of a cadre's diary (民情日记), free or linked to a visit; your own cadre unless staff name another")
            .RequireAuthorization(Permissions.RecordVisits)
            .WithIdempotency<VisitsDbContext>();
        diary.MapGet("/", ListAsync).WithName("ListDiaryEntries")
            .WithSummary("Diary entries of a cadre (yours by default for a work team member) or of your region's cadres, by Asia/Shanghai day from–to (inclusive)");
        return routes;
    }

    internal static async Task<Results<Created<DiaryView>, ValidationProblem, ProblemHttpResult>> WriteAsync(
        DiaryRequest request, Caller caller, DiaryService diary, CancellationToken cancellationToken)
    {
        var outcome = await diary.WriteAsync(request, caller, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        return outcome.Entry is { } entry
            ? TypedResults.Created($"/api/visits/diary?cadre={entry.CadreId}&from={entry.Date:yyyy-MM-dd}&to={entry.Date:yyyy-MM-dd}", entry)
            : outcome.Validation.ToProblem("The diary entry cannot be written");
    }

    internal static async Task<Results<Ok<DiaryPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, DiaryService diary, CancellationToken cancellationToken,
        Guid? cadre = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (from is not null && to < from)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        if (cadre is { } id)
        {
            if (await diary.CadreAsync(id, cancellationToken) is not { } named)
            {
                return Problems.Invalid("cadre", "Not a registered cadre.");
            }

            if (DiaryRules.Check(caller, named, "cadre") is { } refused)
            {
                return refused;
            }
        }
        else if (VisitScope.ActsAsCadre(caller))
        {
            if (await diary.OwnCadreAsync(caller, cancellationToken) is not { } own)
            {
                return Problems.Invalid("cadre", $"No cadre in the register is linked to your login {caller.UserId}.");
            }

            cadre = own.Id;
        }

        return TypedResults.Ok(await diary.ListAsync(caller.RegionPrefix, cadre, from, to, page, pageSize, cancellationToken));
    }
}
