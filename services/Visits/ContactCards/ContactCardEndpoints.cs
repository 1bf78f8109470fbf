using MassWork.Visits.Records;

namespace MassWork.Visits.ContactCards;

public static class ContactCardEndpoints
{
    public static IEndpointRouteBuilder MapContactCardEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/visits/contact-cards", ListAsync).WithTags("Contact cards").WithName("ListContactCards")
            .WithSummary("A village's households with and without the contact card (民情联系卡) handed over at a visit")
            .RequireRegionScope();
        return routes;
    }

    internal static async Task<Results<Ok<ContactCardPage>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ContactCardQuery query, CancellationToken cancellationToken, string? village = null, bool? handedOver = null, int page = 1, int pageSize = 100)
    {
        if (Problems.Paging(page, pageSize) is { } paging)
        {
            return paging;
        }

        if (village is null)
        {
            return Problems.Invalid("village", "Required: the 12-digit division code of a village.");
        }

        if (VillageFilter.Invalid(village) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await query.PageAsync(village, handedOver, page, pageSize, cancellationToken));
    }
}
