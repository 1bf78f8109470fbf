using System.Security.Cryptography;
using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Cases;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.Petitions.PublicQuery;

/// <summary>
/// 查询: a petitioner, with no account, reads their case's progress and rates its answer. The case
/// number and the registered phone get a one-time code by SMS; the code, given with that phone, opens a session whose token
/// (header <see cref="TokenHeader"/>) reads the case. Nothing here says whether a number or phone
/// exists: a code request is answered the same either way.
/// </summary>
public static class PublicQueryEndpoints
{
    public const string TokenHeader = "X-Query-Token";

    public static IEndpointRouteBuilder MapPublicQueryEndpoints(this IEndpointRouteBuilder routes)
    {
        var query = routes.MapGroup("/api/petitions/public").WithTags("Public case query (查询)").AllowAnonymous();
        query.MapPost("/codes", RequestCodeAsync).WithName("RequestCaseQueryCode")
            .WithSummary("Send a one-time code to the phone the case was registered with; answered alike whether or not they match");
        query.MapPost("/sessions", OpenSessionAsync).WithName("OpenCaseQuerySession")
            .WithSummary("The code from the SMS opens a 30-minute session: its token goes in the X-Query-Token header");
        query.MapGet("/case", ReadAsync).WithName("ReadQueriedCase").WithSummary("The case's progress as its petitioner may read it");
        query.MapPost("/case/rating", RateAsync).WithName("RateQueriedCase")
            .WithSummary("评价 once the case is answered: Satisfied 满意 / BasicallySatisfied 基本满意 / Dissatisfied 不满意");
        return routes;
    }

    internal static async Task<Results<Accepted<CodeRequestAnswer>, ValidationProblem>> RequestCodeAsync(
        QueryCodeRequest request, IValidator<QueryCodeRequest> validator, PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        // Matched out of the request's way (CaseQueryAskedConsumer): the same one write whether or not
        // number and phone belong together, so neither the answer nor its time tells which.
        var now = time.GetUtcNow();
        var number = request.CaseNumber!.Trim();
        var phoneHash = Convert.ToBase64String(protector.PhoneHash(request.Phone!));
        db.RaiseIntegrationEvent(new CaseQueryAsked(Guid.CreateVersion7(now), number, phoneHash, now), number);
        await db.SaveChangesAsync(cancellationToken);

        return TypedResults.Accepted((string?)null, new CodeRequestAnswer(
            $"If the case number and phone match a case, a code goes to that phone; it is good for {PublicQueryPolicy.CodeLifetime.TotalMinutes:0} minutes.",
            PublicQueryPolicy.CodeLifetime.TotalMinutes, PublicQueryPolicy.ResendAfter.TotalSeconds));
    }

    internal static async Task<Results<Created<QuerySessionOpened>, ValidationProblem>> OpenSessionAsync(
        QuerySessionRequest request, IValidator<QuerySessionRequest> validator, PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var now = time.GetUtcNow();
        var number = request.CaseNumber!.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The newest code, locked: tries at the same moment each count against it.
        var code = await db.QueryCodes.FromSql($"""
            SELECT q.* FROM query_codes q JOIN cases c ON c.id = q.case_id
            WHERE c.number = {number} ORDER BY q.issued_at DESC LIMIT 1 FOR UPDATE OF q
            """).SingleOrDefaultAsync(cancellationToken);
        if (code is null || !code.TryRedeem(protector.PhoneHash(request.Phone!), CodeHash(protector, code.Id, request.Code!), now))
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return Problems.Invalid("code", "The code is wrong, used or expired; ask for a new one.");
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var session = new QuerySession { TokenHash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), CaseId = code.CaseId, ExpiresAt = now + PublicQueryPolicy.SessionLifetime };
        db.QuerySessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created((string?)null, new QuerySessionOpened(token, session.ExpiresAt));
    }

    internal static async Task<Results<Ok<PublicCaseView>, ProblemHttpResult>> ReadAsync(HttpRequest http, PetitionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var c = await SessionCaseAsync(http, db, time, cancellationToken);
        return c is null ? SessionEnded() : TypedResults.Ok(await ViewAsync(db, c, cancellationToken));
    }

    internal static async Task<Results<Ok<PublicCaseView>, ValidationProblem, ProblemHttpResult>> RateAsync(
        RatingRequest request, IValidator<RatingRequest> validator, HttpRequest http, PetitionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var c = await SessionCaseAsync(http, db, time, cancellationToken);
        if (c is null)
        {
            return SessionEnded();
        }

        c.Rate(Enum.Parse<Satisfaction>(request.Satisfaction!, ignoreCase: true), request.Comment?.Trim(), time.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.Conflict("The case changed", "The case changed as the rating was given; read it again and retry.");
        }

        return TypedResults.Ok(await ViewAsync(db, c, cancellationToken));
    }

    /// <summary>The case the request's session opened, or null when there is no live session.</summary>
    private static async Task<Case?> SessionCaseAsync(HttpRequest http, PetitionsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (http.Headers[TokenHeader].ToString() is not { Length: > 0 and <= 100 } token)
        {
            return null;
        }

        var hash = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
        var now = time.GetUtcNow();
        return await db.Cases.Include(c => c.Steps).AsSplitQuery()
            .SingleOrDefaultAsync(c => db.QuerySessions.Any(s => s.TokenHash == hash && s.ExpiresAt > now && s.CaseId == c.Id), cancellationToken);
    }

    private static async Task<PublicCaseView> ViewAsync(PetitionsDbContext db, Case c, CancellationToken cancellationToken) =>
        PublicCaseView.For(c, await db.Categories.Where(x => x.Code == c.CategoryCode).Select(x => x.Name).SingleAsync(cancellationToken));

    private static ProblemHttpResult SessionEnded() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "No query session",
            detail: $"The {TokenHeader} header names no live query session (they last {PublicQueryPolicy.SessionLifetime.TotalMinutes:0} minutes); ask for a new code.");

    internal static byte[] CodeHash(PersonalDataProtector protector, Guid codeId, string code) => protector.Hash($"{codeId:N}:{code}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>The same answer whether or not a code went: how long a code lasts and when another may be asked for.</summary>
public sealed record CodeRequestAnswer(string Detail, double CodeMinutes, double ResendSeconds);
