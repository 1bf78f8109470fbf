using FluentValidation.Results;
using MassWork.Visits.Cadres;
using MassWork.Visits.Records;

namespace MassWork.Visits.Diary;

/// <summary>The outcome of writing an entry: the entry, or what was wrong.</summary>
public sealed record DiaryOutcome(DiaryView? Entry, ValidationResult Validation, ProblemHttpResult? Refused);

/// <summary>Writes and reads cadres' diaries (民情日记) by the rules of <see cref="DiaryRules"/>; cadres from the visits read model.</summary>
public sealed class DiaryService(VisitsDbContext db, IValidator<DiaryRequest> validator, TimeProvider time)
{
    public async Task<DiaryOutcome> WriteAsync(DiaryRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var cadre = request.CadreId is { } cadreId
            ? await db.Cadres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cadreId, cancellationToken)
            : await OwnCadreAsync(caller, cancellationToken);
        if (cadre is not null && DiaryRules.Check(caller, cadre, "cadreId") is { } refused)
        {
            return new DiaryOutcome(null, new ValidationResult(), refused);
        }

        Visit? visit = null;
        if (request.VisitId is { } visitId)
        {
            visit = await db.Visits.AsNoTracking().Include(v => v.Cadres)
                .Where(v => v.Households.Any(h => h.VillageCode.StartsWith(caller.RegionPrefix)))
                .SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
        }

        var days = new DiaryDays(ChinaTime.Today(time), visit is null ? null : ChinaTime.LocalDate(visit.VisitedAt));
        var validation = validator.Validate(request, days).Also("cadreId", CadreProblem(request, cadre, caller)).Also("visitId", VisitProblem(request, visit, cadre));
        if (!validation.IsValid)
        {
            return new DiaryOutcome(null, validation, null);
        }

        var entry = DiaryEntry.Write(cadre!.Id, cadre.RegionCode, days.DayOf(request.Date), request.Text!.Trim(), visit?.Id, caller.UserId, time.GetUtcNow());
        db.DiaryEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new DiaryOutcome(DiaryView.Of(entry, cadre.Name), validation, null);
    }

    /// <summary>The cadre whose diary it is: the one named, or the one linked to the caller's login.</summary>
    private static string? CadreProblem(DiaryRequest request, CadreRecord? cadre, Caller caller) =>
        cadre is not null ? null
        : request.CadreId is null ? $"Required: no cadre in the register is linked to your login {caller.UserId}; name the cadre whose diary this is."
        : "Not a registered cadre (a cadre registered moments ago may take a few seconds to arrive).";

    /// <summary>The visit the entry is linked to: in the caller's region, and made by the entry's cadre.</summary>
    private static string? VisitProblem(DiaryRequest request, Visit? visit, CadreRecord? cadre) =>
        request.VisitId is null ? null
        : visit is null ? "Not a visit in your region."
        : cadre is not null && visit.Cadres.All(c => c.CadreId != cadre.Id) ? $"Cadre {cadre.Name} was not on this visit."
        : null;

    /// <summary>The entries of one cadre, or (cadre null) of every cadre of the region; oldest day first.</summary>
    public async Task<DiaryPage> ListAsync(string regionPrefix, Guid? cadre, DateOnly? from, DateOnly? to, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = cadre is { } id
            ? db.DiaryEntries.AsNoTracking().Where(e => e.CadreId == id)
            : db.DiaryEntries.AsNoTracking().Where(e => e.RegionCode.StartsWith(regionPrefix));
        if (from is { } f)
        {
            query = query.Where(e => e.Day >= f);
        }

        if (to is { } t)
        {
            query = query.Where(e => e.Day <= t);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var entries = await query.OrderBy(e => e.Day).ThenBy(e => e.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var cadreIds = entries.Select(e => e.CadreId).Distinct().ToList();
        var names = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        return new DiaryPage(total, page, pageSize, [.. entries.Select(e => DiaryView.Of(e, names.GetValueOrDefault(e.CadreId, "")))]);
    }

    public Task<CadreRecord?> CadreAsync(Guid id, CancellationToken cancellationToken) =>
        db.Cadres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>The cadre whose login the caller uses, if any.</summary>
    public Task<CadreRecord?> OwnCadreAsync(Caller caller, CancellationToken cancellationToken) =>
        db.Cadres.AsNoTracking().Where(c => c.UserId == caller.UserId).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
}
