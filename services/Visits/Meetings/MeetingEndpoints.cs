using MassWork.Visits.Frequency;
using MassWork.Visits.Records;

namespace MassWork.Visits.Meetings;

public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapMeetingEndpoints(this IEndpointRouteBuilder routes)
    {
        var meetings = routes.MapGroup("/api/visits/meetings").WithTags("Analysis meetings").RequireRegionScope();
        meetings.MapPost("/", RecordAsync).WithName("RecordMeeting")
            .WithSummary("Record a village's 民情分析联席会: the day held, attendees, demands discussed, decisions and follow-ups with owners")
            .RequireAuthorization(Permissions.RecordVisits)
            .WithIdempotency<VisitsDbContext>();
        meetings.MapGet("/{id:guid}", GetAsync).WithName("GetMeeting").WithSummary("One meeting with its attendees, demands, decisions and follow-ups");
        meetings.MapGet("/", ListAsync).WithName("ListMeetings")
            .WithSummary("Meetings in your region, newest first; filter by village and Asia/Shanghai days from–to (inclusive)");
        meetings.MapGet("/overdue", OwingAsync).WithName("OverdueMeetings")
            .WithSummary("Villages of a region that held fewer meetings in a quarter (2026Q1) than the city requires; overdue once the quarter has ended");
        return routes;
    }

    internal static async Task<Results<Created<MeetingView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        MeetingRequest request, Caller caller, MeetingService meetings, CancellationToken cancellationToken)
    {
        var outcome = await meetings.RecordAsync(request, caller, cancellationToken);
        if (outcome.Refused is { } refused)
        {
            return refused;
        }

        return outcome.Meeting is { } meeting
            ? TypedResults.Created($"/api/visits/meetings/{meeting.Id}", meeting)
            : outcome.Validation.ToProblem("The meeting cannot be recorded");
    }

    internal static async Task<Results<Ok<MeetingView>, ProblemHttpResult>> GetAsync(Guid id, Caller caller, MeetingService meetings, CancellationToken cancellationToken) =>
        await meetings.GetAsync(id, caller.RegionPrefix, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"Meeting {id}");

    internal static async Task<Results<Ok<MeetingPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Caller caller, MeetingService meetings, CancellationToken cancellationToken,
        string? village = null, DateOnly? from = null, DateOnly? to = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (VillageFilter.Invalid(village) is { } invalid)
        {
            return invalid;
        }

        if (from is not null && to < from)
        {
            return Problems.Invalid("to", "On or after 'from'.");
        }

        return TypedResults.Ok(await meetings.ListAsync(caller.RegionPrefix, village, from, to, page, pageSize, cancellationToken));
    }

    internal static async Task<Results<Ok<OwingVillagePage>, ValidationProblem, ProblemHttpResult>> OwingAsync(
        Caller caller, MeetingService meetings, TimeProvider time, CancellationToken cancellationToken,
        string? quarter = null, string? region = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (!Quarter.TryParse(quarter, out var q))
        {
            return Problems.Invalid("quarter", "Required: a year and quarter, e.g. 2026Q1.");
        }

        if (q.FirstDay > ChinaTime.Today(time))
        {
            return Problems.Invalid("quarter", $"{q} has not begun.");
        }

        region ??= caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(region))
        {
            return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits (360702 a county, 360702001 a town).");
        }

        return TypedResults.Ok(await meetings.OwingAsync(region, q, page, pageSize, cancellationToken));
    }
}
