using MassWork.ServiceDefaults;
using MassWork.ServiceDefaults.Auth;
using MassWork.Visits.Cadres;
using MassWork.Visits.Data;
using MassWork.Visits.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Visits.Diary;

/// <summary>The outcome of writing an entry: the entry, or what was wrong.</summary>
public sealed record DiaryOutcome(DiaryView? Entry, Dictionary<string, string[]> Errors, ProblemHttpResult? Refused);

/// <summary>Writes and reads cadres' diaries (民情日记) by the rules of <see cref="DiaryRules"/>; cadres from the visits read model.</summary>
public sealed class DiaryService(VisitsDbContext db, TimeProvider time)
{
    public async Task<DiaryOutcome> WriteAsync(DiaryRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var text = request.Text?.Trim();
        if (DiaryRules.TextProblem(text) is { } textProblem)
        {
            errors["text"] = [textProblem];
        }

        var cadre = request.CadreId is { } cadreId
            ? await db.Cadres.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cadreId, cancellationToken)
            : await OwnCadreAsync(caller, cancellationToken);
        if (cadre is null)
        {
            errors["cadreId"] = [request.CadreId is null
                ? $"Required: no cadre in the register is linked to your login {caller.UserId}; name the cadre whose diary this is."
                : "Not a registered cadre (a cadre registered moments ago may take a few seconds to arrive)."];
        }
        else if (DiaryRules.Check(caller, cadre, "cadreId") is { } refused)
        {
            return new DiaryOutcome(null, errors, refused);
        }

        Visit? visit = null;
        if (request.VisitId is { } visitId)
        {
            visit = await db.Visits.AsNoTracking().Include(v => v.Cadres)
                .Where(v => v.Households.Any(h => h.VillageCode.StartsWith(caller.RegionPrefix)))
                .SingleOrDefaultAsync(v => v.Id == visitId, cancellationToken);
            if (visit is null)
            {
                errors["visitId"] = ["Not a visit in your region."];
            }
            else if (cadre is not null && visit.Cadres.All(c => c.CadreId != cadre.Id))
            {
                errors["visitId"] = [$"Cadre {cadre.Name} was not on this visit."];
            }
        }

        var today = ChinaTime.Today(time);
        DateOnly? visitDay = visit is null ? null : ChinaTime.LocalDate(visit.VisitedAt);
        var day = request.Date ?? visitDay ?? today;
        if (DiaryRules.DateProblem(day, today, visitDay) is { } dateProblem)
        {
            errors["date"] = [dateProblem];
        }

        if (errors.Count > 0)
        {
            return new DiaryOutcome(null, errors, null);
        }

        var entry = DiaryEntry.Write(cadre!.Id, cadre.RegionCode, day, text!, visit?.Id, caller.UserId, time.GetUtcNow());
        db.DiaryEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return new DiaryOutcome(DiaryView.Of(entry, cadre.Name), errors, null);
    }

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
