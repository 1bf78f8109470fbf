using MassWork.Notifications.Data;
using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Notifications.Notices;

public sealed record NoticeResponse(Guid Id, Guid HouseholdId, string RegionCode, string Kind, string Text, string Status, DateTimeOffset CreatedAt)
{
    public static NoticeResponse From(Notice n) =>
        new(n.Id, n.HouseholdId, n.RegionCode, n.Kind.ToString(), n.Text, n.Status.ToString(), n.CreatedAt);
}

public static class NoticeEndpoints
{
    public static IEndpointRouteBuilder MapNoticeEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/notices").WithTags("Notices");
        group.MapGet("/", ListAsync).WithName("ListNotices").WithSummary("Notices in your region, newest first");
        return routes;
    }

    internal static async Task<Results<Ok<List<NoticeResponse>>, ValidationProblem>> ListAsync(
        Caller caller, NotificationsDbContext db, CancellationToken cancellationToken,
        Guid? householdId = null, string? status = null, int limit = 100)
    {
        if (limit is < 1 or > 1000)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["Must be between 1 and 1000."] });
        }

        var query = db.Notices.AsNoTracking().Where(n => n.RegionCode.StartsWith(caller.RegionPrefix));
        if (householdId is { } id)
        {
            query = query.Where(n => n.HouseholdId == id);
        }

        if (status is not null)
        {
            if (!Enum.TryParse<NoticeStatus>(status, ignoreCase: true, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["status"] = [$"One of: {string.Join(", ", Enum.GetNames<NoticeStatus>())}."],
                });
            }

            query = query.Where(n => n.Status == parsed);
        }

        var notices = await query.OrderByDescending(n => n.CreatedAt).Take(limit).ToListAsync(cancellationToken);
        return TypedResults.Ok(notices.Select(NoticeResponse.From).ToList());
    }
}
