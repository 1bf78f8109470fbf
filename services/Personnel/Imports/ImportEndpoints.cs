using Microsoft.Extensions.Options;

namespace MassWork.Personnel.Imports;

public sealed record ImportErrorResponse(int Line, string Field, string Message);

/// <summary>An import as its uploader follows it: phase, progress and, once done, what changed and which lines were rejected.</summary>
public sealed record ImportJobResponse(
    Guid Id, string FileName, string Status, string Phase, string? Encoding, long FileBytes, long BytesRead, double Progress,
    int LinesRead, int RowsStaged, int RowsRejected, int HouseholdsInserted, int HouseholdsUpdated, int HouseholdsUnchanged,
    int MembersWritten, int MembersRemoved, string? Failure, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt,
    IReadOnlyList<ImportErrorResponse> FirstErrors)
{
    public static ImportJobResponse From(ImportJob j, IReadOnlyList<ImportErrorResponse> errors) => new(
        j.Id, j.FileName, j.Status.ToString(), j.Phase, j.Encoding, j.FileBytes, j.BytesRead,
        j.Status == ImportStatus.Completed ? 1 : j.FileBytes == 0 ? 0 : Math.Round((double)j.BytesRead / j.FileBytes, 3),
        j.LinesRead, j.RowsStaged, j.RowsRejected, j.HouseholdsInserted, j.HouseholdsUpdated, j.HouseholdsUnchanged,
        j.MembersWritten, j.MembersRemoved, j.Failure, j.CreatedAt, j.StartedAt, j.FinishedAt, errors);
}

public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/personnel/imports").WithTags("Household import");
        group.MapPost("/", UploadAsync).WithName("ImportHouseholds")
            .WithSummary("Upload a household CSV (one line per member; UTF-8 with or without BOM, or GBK); 202 with the import to follow")
            .Accepts<string>("text/csv")
            .RequireAuthorization(Permissions.ImportHouseholds);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetImport").WithSummary("Progress of a running import, or its outcome and first errors");
        group.MapGet("/{id:guid}/errors", ErrorsAsync).WithName("GetImportErrors").WithSummary("Every rejected line with its reason, paged");
        group.MapGet("/", ListAsync).WithName("ListImports").WithSummary("Recent imports in your region");
        return routes;
    }

    internal static async Task<Results<Accepted<ImportJobResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpContext http, Caller caller, PersonnelDbContext db, ImportQueue arrivals, IOptions<ImportOptions> options,
        TimeProvider time, CancellationToken cancellationToken, string? fileName = null)
    {
        var key = http.Request.Headers[IdempotencyFilter<PersonnelDbContext>.HeaderName].ToString();
        if (key.Length > IdempotencyFilter<PersonnelDbContext>.MaxKeyLength)
        {
            return Problems.Invalid(IdempotencyFilter<PersonnelDbContext>.HeaderName, "At most 200 characters.");
        }

        if (key.Length > 0 && await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.CreatedBy == caller.UserId && j.IdempotencyKey == key, cancellationToken) is { } earlier)
        {
            // A retried upload is the same import: answer with it rather than loading the file twice.
            http.Response.Headers[IdempotencyFilter<PersonnelDbContext>.ReplayedHeaderName] = "true";
            return TypedResults.Accepted($"/api/personnel/imports/{earlier.Id}", ImportJobResponse.From(earlier, []));
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? "upload.csv" : Path.GetFileName(fileName.Trim());
        if (name.Length > 200)
        {
            return Problems.Invalid("fileName", "At most 200 characters.");
        }

        http.LimitRequestBody(options.Value.MaxFileBytes);
        var id = Guid.CreateVersion7();
        Directory.CreateDirectory(options.Value.Folder);
        var path = options.Value.PathFor(id);
        long length;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await http.Request.Body.CopyToAsync(file, cancellationToken);
                length = file.Length;
            }
        }
        catch
        {
            File.Delete(path);
            throw;
        }

        if (length == 0)
        {
            File.Delete(path);
            return Problems.Invalid("body", "The file is empty: send the CSV as the request body (Content-Type: text/csv).");
        }

        var job = new ImportJob
        {
            Id = id, FileName = name, Status = ImportStatus.Queued, FileBytes = length, RegionPrefix = caller.RegionPrefix,
            CreatedBy = caller.UserId, IdempotencyKey = key.Length > 0 ? key : null, Instance = options.Value.Instance, CreatedAt = time.GetUtcNow(),
        };
        db.ImportJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same upload retried to another replica at the same moment: that one's import stands.
            File.Delete(path);
            var first = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.CreatedBy == caller.UserId && j.IdempotencyKey == key, cancellationToken);
            http.Response.Headers[IdempotencyFilter<PersonnelDbContext>.ReplayedHeaderName] = "true";
            return TypedResults.Accepted($"/api/personnel/imports/{first.Id}", ImportJobResponse.From(first, []));
        }

        arrivals.Notify();
        return TypedResults.Accepted($"/api/personnel/imports/{id}", ImportJobResponse.From(job, []));
    }

    internal static async Task<Results<Ok<ImportJobResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id && j.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"Import {id}");
        }

        var errors = await db.ImportErrors.AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Line).Take(100)
            .Select(e => new ImportErrorResponse(e.Line, e.Field, e.Message)).ToListAsync(cancellationToken);
        return TypedResults.Ok(ImportJobResponse.From(job, errors));
    }

    internal static async Task<Results<Ok<List<ImportErrorResponse>>, ValidationProblem, ProblemHttpResult>> ErrorsAsync(
        Guid id, Caller caller, PersonnelDbContext db, CancellationToken cancellationToken, int page = 1, int pageSize = 500)
    {
        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        if (!await db.ImportJobs.AnyAsync(j => j.Id == id && j.RegionPrefix.StartsWith(caller.RegionPrefix), cancellationToken))
        {
            return Problems.NotFound($"Import {id}");
        }

        return TypedResults.Ok(await db.ImportErrors.AsNoTracking().Where(e => e.ImportId == id).OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).Select(e => new ImportErrorResponse(e.Line, e.Field, e.Message)).ToListAsync(cancellationToken));
    }

    internal static async Task<Ok<List<ImportJobResponse>>> ListAsync(Caller caller, PersonnelDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.ImportJobs.AsNoTracking().Where(j => j.RegionPrefix.StartsWith(caller.RegionPrefix))
            .OrderByDescending(j => j.CreatedAt).Take(50).ToListAsync(cancellationToken)).Select(j => ImportJobResponse.From(j, [])).ToList());
}
