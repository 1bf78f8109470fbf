using System.Net.Http.Headers;
using MassWork.Blobs;
using MassWork.Blobs.Photos;
using MassWork.ServiceDefaults.Clock;
using MassWork.ServiceDefaults.Errors;
using MassWork.Visits.Demands;
using MassWork.Visits.Frequency;
using MassWork.Visits.Meetings;
using MassWork.Visits.Photos;
using MassWork.Visits.Records;
using MassWork.Visits.SpotChecks;
using Microsoft.Extensions.Options;

namespace MassWork.Visits.Demo;

/// <summary>
/// The demo town's year of visits, so a new user sees the figures at once: the visits of
/// <see cref="DemoVisitPlan"/> with their demands (registered as cases by petitions), photos as
/// proof on the latest home visits — one of them given again for another visit, so it is flagged
/// as reused — a quarterly analysis meeting (民情分析联席会) in every village for each quarter of the
/// last year but one village's last, and a phone spot-check (电话抽查) of the last quarter in which
/// one household says nobody came. Every step goes through the same checks, domain methods and
/// services as staff's requests, with a <see cref="ManualClock"/> set to the day it happened.
/// Each part is seeded once: the visits in one transaction, the others each when the town has none yet.
/// </summary>
public sealed class DemoVisits(
    VisitsDbContext db, IBlobStore blobs, PhotoIntake intake, IValidator<VisitRequest> visitValidator, IValidator<MeetingRequest> meetingValidator,
    IOptions<VisitOptions> visitOptions, IOptions<VisitPhotoOptions> photoOptions, TimeProvider time, ILogger<DemoVisits> logger)
{
    private const int PhotoVisits = 24;

    /// <summary>The town's pairings, once the read model holds every pairing's household and cadre; null while personnel's events are still arriving.</summary>
    public async Task<List<DemoPairing>?> PairingsAsync(string townPrefix, CancellationToken cancellationToken)
    {
        var pairings = await db.Pairings.AsNoTracking().Where(p => p.VillageCode.StartsWith(townPrefix) && p.EndedAt == null)
            .Select(p => new { p.HouseholdId, p.CadreId, p.VillageCode, p.StartedAt }).ToListAsync(cancellationToken);
        var householdIds = pairings.Select(p => p.HouseholdId).Distinct().ToList();
        var cadreIds = pairings.Select(p => p.CadreId).Distinct().ToList();
        var households = await db.Households.CountAsync(h => householdIds.Contains(h.Id), cancellationToken);
        var cadres = await db.Cadres.AsNoTracking().Where(c => cadreIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.UserId, cancellationToken);
        return pairings.Count == 0 || households < householdIds.Count || cadres.Count < cadreIds.Count
            ? null
            : [.. pairings.Select(p => new DemoPairing(p.HouseholdId, p.CadreId, p.VillageCode, p.StartedAt, cadres[p.CadreId]))];
    }

    public async Task SeedAsync(string townPrefix, List<DemoPairing> pairings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var caller = new Caller("demo", new HashSet<string> { Roles.TownStaff, Roles.Leader }, townPrefix);
        if (!await db.VisitHouseholds.AnyAsync(h => h.VillageCode.StartsWith(townPrefix), cancellationToken))
        {
            var count = await VisitsAsync(pairings, now, cancellationToken);
            logger.LogInformation("Demo visits: {Visits} visits of town {Town} seeded", count, townPrefix);
        }

        if (!await db.VisitPhotos.AnyAsync(p => db.VisitHouseholds.Any(h => h.VisitId == p.VisitId && h.VillageCode.StartsWith(townPrefix)), cancellationToken))
        {
            await PhotosAsync(townPrefix, caller, cancellationToken);
        }

        if (!await db.AnalysisMeetings.AnyAsync(m => m.VillageCode.StartsWith(townPrefix), cancellationToken))
        {
            await MeetingsAsync(pairings, caller, now, cancellationToken);
        }

        if (!await db.SpotChecks.AnyAsync(s => s.RegionPrefix.StartsWith(townPrefix), cancellationToken))
        {
            await SpotCheckAsync(townPrefix, caller, now, cancellationToken);
        }
    }

    private async Task<int> VisitsAsync(List<DemoPairing> pairings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lateEntryDays = visitOptions.Value.LateEntryDays;
        var villages = pairings.DistinctBy(p => p.HouseholdId).ToDictionary(p => p.HouseholdId, p => p.VillageCode);
        var plan = DemoVisitPlan.Plan(pairings, now, lateEntryDays);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var batch in plan.OrderBy(v => v.RecordedAt).Chunk(1000))
        {
            foreach (var planned in batch)
            {
                if (visitValidator.Validate(planned.Request, planned.RecordedAt) is { IsValid: false } invalid)
                {
                    throw new InvalidOperationException(
                        $"Demo visit {planned.Request.ClientId} fails its checks: {string.Join("; ", invalid.ToErrors().Select(e => $"{e.Key}: {e.Value[0]}"))}");
                }

                var visit = VisitValidator.Checked(planned.Request);
                var recorded = Visit.Record(visit, villages, planned.RecordedBy, planned.RecordedAt, lateEntryDays);
                db.Visits.Add(recorded);
                db.RaiseIntegrationEvent(VisitRecorder.Announcement(recorded), recorded.Id.ToString());
                foreach (var demand in recorded.Demands)
                {
                    db.RaiseIntegrationEvent(DemandRecorder.Announcement(demand, recorded.Cadres.Select(c => c.CadreId)), demand.Id.ToString());
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
        return plan.Count;
    }

    /// <summary>A photo on each of the latest home visits, taken there and then; the first one given again for the next visit, as a fake 留痕 would be.</summary>
    private async Task PhotosAsync(string townPrefix, Caller caller, CancellationToken cancellationToken)
    {
        var latest = await db.Visits.AsNoTracking()
            .Where(v => v.Mode == VisitMode.Home && v.Place != null && v.Households.Any(h => h.VillageCode.StartsWith(townPrefix)))
            .OrderByDescending(v => v.VisitedAt).Take(PhotoVisits).ToListAsync(cancellationToken);
        byte[]? first = null;
        foreach (var (visit, i) in latest.OrderBy(v => v.VisitedAt).Select((v, i) => (v, i)))
        {
            var taken = SamplePhotos.Jpeg(ChinaTime.Local(visit.VisitedAt.AddMinutes(3)), (visit.Place!.Latitude, visit.Place.Longitude), comment: $"demo {visit.Id}");
            first ??= taken;
            var uploader = new VisitPhotoUploader(db, blobs, intake, photoOptions, new ManualClock(visit.RecordedAt.AddMinutes(1)));
            var outcome = await uploader.UploadAsync(visit.Id, await UploadAsync(i == 1 ? [taken, first] : [taken]), caller, cancellationToken);
            if (outcome.Refused is not null)
            {
                throw new InvalidOperationException($"Demo photos of visit {visit.Id} refused: {outcome.Refused.ProblemDetails.Detail}");
            }
        }
    }

    /// <summary>A multipart upload, as a phone sends it, to hand to the same intake.</summary>
    private static async Task<HttpRequest> UploadAsync(IReadOnlyList<byte[]> photos)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < photos.Count; i++)
        {
            var part = new ByteArrayContent(photos[i]);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, PhotoIntake.FieldName, $"IMG_{i:0000}.JPG");
        }

        var body = new MemoryStream();
        await form.CopyToAsync(body);
        body.Position = 0;
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = form.Headers.ContentType!.ToString();
        http.Request.Body = body;
        return http.Request;
    }

    /// <summary>One meeting per village for each quarter of the last year that has ended, on the quarter's 20th-last day; the most recent one missing in one village, which so shows as owing.</summary>
    private async Task MeetingsAsync(List<DemoPairing> pairings, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ChinaTime.LocalDate(now);
        var villages = pairings.GroupBy(p => p.VillageCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var quarters = Enumerable.Range(1, 4).Select(back => Quarter.Of(today.AddMonths(-3 * back))).Where(q => q.LastDay >= today.AddDays(-365)).ToList();
        var clock = new ManualClock(now);
        var meetings = new MeetingService(db, meetingValidator, clock);
        for (var v = 0; v < villages.Count; v++)
        {
            var attendees = villages[v].Select(p => p.CadreId).Distinct().Order().Take(5).ToList();
            foreach (var quarter in quarters.Where((_, i) => v != 1 || i > 0))
            {
                var heldOn = quarter.LastDay.AddDays(-20);
                clock.Now = ChinaTime.StartOf(heldOn).AddHours(20);
                var outcome = await meetings.RecordAsync(new MeetingRequest(villages[v].Key, heldOn, attendees, null,
                    ["梳理本季度走访收集的群众诉求，逐条明确责任人和办理时限。", "对未走访到位的农户，由结对干部下月补访。"],
                    [new FollowUpInput("跟进本季度诉求办理情况并向群众反馈", attendees[0], heldOn.AddDays(30))]), caller, cancellationToken);
                if (outcome.Meeting is null)
                {
                    throw new InvalidOperationException($"Demo meeting of {villages[v].Key} refused: {string.Join("; ", outcome.Validation.ToErrors().Select(e => $"{e.Key}: {e.Value[0]}"))}{outcome.Refused?.ProblemDetails.Detail}");
                }
            }
        }
    }

    /// <summary>The town's last 90 days checked by phone: ten households called, all satisfied but one, who says nobody came.</summary>
    private async Task SpotCheckAsync(string townPrefix, Caller caller, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = ChinaTime.LocalDate(now);
        var clock = new ManualClock(now.AddDays(-1));
        var service = new SpotCheckService(db, clock);
        try
        {
            var check = await service.DrawAsync(new SpotCheckRequest(townPrefix, today.AddDays(-91), today.AddDays(-2), 10, 20261), caller, cancellationToken);
            var http = new DefaultHttpContext();
            foreach (var (call, i) in check.Calls.Select((c, i) => (c, i)))
            {
                var answer = i == 3
                    ? new CallAnswer(true, false, null, false, "户主称今年没有干部上门，电话也没接到过。")
                    : i == 7
                        ? new CallAnswer(false, null, null, null, "无人接听")
                        : new CallAnswer(true, true, call.Cadres.FirstOrDefault()?.Id, true, null);
                await service.AnswerAsync(check.Id, call.Id, answer, caller, http, cancellationToken);
            }
        }
        catch (DomainException e)
        {
            throw new InvalidOperationException($"Demo spot-check refused: {e.Message}", e);
        }
    }
}
