using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace MassWork.ServiceDefaults.Messaging.FailedMessages;

/// <summary>
/// The operator's view of the service's failed messages (its error queues) and the retry, under
/// /api/&lt;service&gt;/failed-messages. City-wide: a queue serves every region, and the view
/// shows no personal data.
/// </summary>
public static class FailedMessageEndpoints
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapFailedMessageEndpoints(this IEndpointRouteBuilder routes, string service)
    {
        var group = routes.MapGroup($"/api/{service}/failed-messages").WithTags("Failed messages")
            .RequireAuthorization(Permissions.OperateMessaging).RequireCityScope();
        group.MapGet("", ListAsync).WithName("ListFailedMessages")
            .WithSummary("The service's queues with how many messages failed in each, and the failed messages themselves (oldest first, without their content)");
        group.MapPost("/retry", RetryAsync).WithName("RetryFailedMessages")
            .WithSummary("Send failed messages of one queue back to it: those named in messageIds, or all of them");
        return routes;
    }

    internal static async Task<Results<Ok<FailedMessagesReport>, ValidationProblem>> ListAsync(
        ServiceQueues queues, FailedMessageBroker broker, CancellationToken cancellationToken, string? queue = null, int limit = 50)
    {
        if (queue is not null && !queues.Contains(queue))
        {
            return UnknownQueue(queues);
        }

        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Invalid("limit", $"Must be between 1 and {MaxLimit}.");
        }

        return TypedResults.Ok(await broker.ListAsync(queue, limit, cancellationToken));
    }

    internal static async Task<Results<Ok<RetriedMessages>, ValidationProblem>> RetryAsync(
        RetryFailedMessages request, Caller caller, ServiceQueues queues, FailedMessageBroker broker, CancellationToken cancellationToken)
    {
        if (!queues.Contains(request.Queue))
        {
            return UnknownQueue(queues);
        }

        if (request.MessageIds is { Count: > MaxLimit })
        {
            return Problems.Invalid("messageIds", $"At most {MaxLimit} at once; leave it out to retry the whole queue.");
        }

        return TypedResults.Ok(await broker.RetryAsync(request.Queue!, request.MessageIds, caller.UserId, cancellationToken));
    }

    private static ValidationProblem UnknownQueue(ServiceQueues queues) =>
        Problems.Invalid("queue", $"Not a queue of the {queues.Service} service; its queues are: {string.Join(", ", queues.Names)}.");
}
