using MassWork.ServiceDefaults.Auth;

namespace MassWork.Notifications.Api;

/// <summary>
/// A clock tests can move (Clock:Settable=true, never in production): quiet hours and limits are
/// checked against it, so a night-time broadcast can be tested at any hour.
/// </summary>
public sealed class SettableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPut("/api/notifications/clock", (ClockRequest request, SettableClock clock) =>
        {
            clock.Set(request.Now);
            return TypedResults.Ok(new ClockRequest(clock.GetUtcNow()));
        }).WithTags("Test clock").ExcludeFromDescription().RequireAuthorization(p => p.RequireRole(Roles.Operator));
}

public sealed record ClockRequest(DateTimeOffset Now);
