using FluentValidation.Results;
using MassWork.Visits.Frequency;
using MassWork.Visits.Records;

namespace MassWork.Visits.Meetings;

/// <summary>The outcome of recording a meeting: the meeting, or what was wrong.</summary>
public sealed record MeetingOutcome(MeetingView? Meeting, ValidationResult Validation, ProblemHttpResult? Refused);

/// <summary>
/// Records and reads villages' 民情分析联席会: cadres from the read model, demands from the village
/// ledger; a region's villages that owe one for a quarter from <see cref="MeetingsOwed"/>.
/// </summary>
public sealed class MeetingService(VisitsDbContext db, IValidator<MeetingRequest> validator, TimeProvider time)
{
    public async Task<MeetingOutcome> RecordAsync(MeetingRequest request, Caller caller, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(request, ChinaTime.Today(time));
        if (!validation.IsValid)
        {
            return new MeetingOutcome(null, validation, null);
        }

        var meeting = MeetingValidator.Checked(request);

        if (!caller.Covers(meeting.VillageCode))
        {
            return new MeetingOutcome(null, validation, Problems.OutsideRegion("villageCode", meeting.VillageCode, caller.RegionPrefix));
        }

        var cadreIds = meeting.AttendeeIds.Concat(meeting.FollowUps.Select(f => f.OwnerCadreId)).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        const string arriving = "Not a registered cadre (a cadre registered moments ago may take a few seconds to arrive).";
        for (var i = 0; i < meeting.AttendeeIds.Count; i++)
        {
            validation.Also($"attendeeIds[{i}]", cadres.ContainsKey(meeting.AttendeeIds[i]) ? null : arriving);
        }

        for (var i = 0; i < meeting.FollowUps.Count; i++)
        {
            validation.Also($"followUps[{i}].ownerCadreId", cadres.ContainsKey(meeting.FollowUps[i].OwnerCadreId) ? null : arriving);
        }

        var demands = await db.Demands.AsNoTracking().Where(d => meeting.DemandIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.VillageCode, cancellationToken);
        for (var i = 0; i < meeting.DemandIds.Count; i++)
        {
            validation.Also($"demandIds[{i}]",
                demands.GetValueOrDefault(meeting.DemandIds[i]) == meeting.VillageCode ? null : $"Not a demand of village {meeting.VillageCode}'s ledger (民情台账).");
        }

        if (!validation.IsValid)
        {
            return new MeetingOutcome(null, validation, null);
        }

        // A work team member records the meetings they attended, as they record their own visits.
        if (VisitScope.ActsAsCadre(caller) && !meeting.AttendeeIds.Any(id => cadres[id].UserId == caller.UserId))
        {
            return new MeetingOutcome(null, validation, Problems.Forbidden(
                $"attendeeIds: a work team member records the meetings they attended, and none of the attendees is linked to your login {caller.UserId}."));
        }

        var now = time.GetUtcNow();
        var recorded = new AnalysisMeeting
        {
            Id = Guid.CreateVersion7(now),
            VillageCode = meeting.VillageCode,
            HeldOn = meeting.HeldOn,
            AttendeeIds = [.. meeting.AttendeeIds],
            DemandIds = [.. meeting.DemandIds],
            Decisions = [.. meeting.Decisions],
            FollowUps = [.. meeting.FollowUps],
            RecordedBy = caller.UserId,
            RecordedAt = Visit.ToMicroseconds(now),
        };
        db.AnalysisMeetings.Add(recorded);
        await db.SaveChangesAsync(cancellationToken);
        return new MeetingOutcome((await ViewsAsync([recorded], cancellationToken))[0], validation, null);
    }

    public async Task<MeetingView?> GetAsync(Guid id, string regionPrefix, CancellationToken cancellationToken)
    {
        var meeting = await db.AnalysisMeetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.VillageCode.StartsWith(regionPrefix), cancellationToken);
        return meeting is null ? null : (await ViewsAsync([meeting], cancellationToken))[0];
    }

    /// <summary>Meetings within the region, newest first; village and Asia/Shanghai days from–to (inclusive) optional.</summary>
    public async Task<MeetingPage> ListAsync(string regionPrefix, string? village, DateOnly? from, DateOnly? to, int page, int pageSize, CancellationToken cancellationToken)
    {
        var query = db.AnalysisMeetings.AsNoTracking().Where(m => m.VillageCode.StartsWith(village ?? regionPrefix));
        if (from is { } first)
        {
            query = query.Where(m => m.HeldOn >= first);
        }

        if (to is { } last)
        {
            query = query.Where(m => m.HeldOn <= last);
        }

        var total = await query.LongCountAsync(cancellationToken);
        var meetings = await query.OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new MeetingPage(total, page, pageSize, await ViewsAsync(meetings, cancellationToken));
    }

    public async Task<OwingVillagePage> OwingAsync(string region, Quarter quarter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var cities = await CityPolicies.LoadAsync(db, cancellationToken);
        var rows = await db.Database.SqlQueryRaw<OwingRow>($"""
            WITH {MeetingsOwed.Sql},
            behind AS (SELECT * FROM owed WHERE held < required)
            SELECT b.village_code AS "VillageCode", b.required AS "Required", b.held AS "Held", t.total AS "Total"
            FROM (SELECT count(*) AS total FROM behind) t
            LEFT JOIN LATERAL (SELECT * FROM behind ORDER BY village_code LIMIT @take OFFSET @skip) b ON true
            """,
            [.. MeetingsOwed.Parameters(cities, quarter, region), new NpgsqlParameter("take", pageSize), new NpgsqlParameter("skip", (long)(page - 1) * pageSize)])
            .ToListAsync(cancellationToken);
        return new OwingVillagePage(region, quarter.ToString(), quarter.FirstDay, quarter.LastDay, FrequencyRules.QuarterEnded(quarter, ChinaTime.Today(time)),
            rows[0].Total, page, pageSize, [.. rows.Where(r => r.VillageCode is not null).Select(r => new OwingVillage(r.VillageCode!, r.Required!.Value, r.Held!.Value))]);
    }

    private async Task<List<MeetingView>> ViewsAsync(IReadOnlyList<AnalysisMeeting> meetings, CancellationToken cancellationToken)
    {
        var cadreIds = meetings.SelectMany(m => m.AttendeeIds.Concat(m.FollowUps.Select(f => f.OwnerCadreId))).Distinct().ToList();
        var demandIds = meetings.SelectMany(m => m.DemandIds).Distinct().ToList();
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var demands = await db.Demands.AsNoTracking().Where(d => demandIds.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => new MeetingDemandView(d.Id, d.Content, d.Status, d.CaseNumber), cancellationToken);
        return [.. meetings.Select(m => MeetingView.Of(m, cadres, demands))];
    }

    private sealed record OwingRow(string? VillageCode, int? Required, int? Held, long Total);
}
