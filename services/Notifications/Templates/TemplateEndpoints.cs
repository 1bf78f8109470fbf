using MassWork.ServiceDefaults.Data;

namespace MassWork.Notifications.Templates;

public sealed record TemplateRequest(string? Name, string? Signature, string? Text, string? Kind, bool? Urgent, Dictionary<string, string>? ProviderCodes);

public sealed record RenderRequest(Dictionary<string, string>? Values);

public sealed record RenderResponse(string Text, int Length, int Segments, IReadOnlyList<string> Parts);

public static class TemplateEndpoints
{
    public static IEndpointRouteBuilder MapTemplateEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/templates").WithTags("Templates");
        group.MapGet("/", ListAsync).WithName("ListTemplates").RequireAuthorization(Permissions.ReadSettings);
        group.MapPut("/{code}", PutAsync).WithName("PutTemplate").WithSummary("Add or change a template (its wording must match what the providers approved)")
            .RequireAuthorization(Permissions.ManageSettings).RequireCityScope();
        group.MapPost("/{code}/render", RenderAsync).WithName("RenderTemplate").WithSummary("The signed text, its length and segments for the given values; every variable must be given")
            .RequireAuthorization(Permissions.ReadSettings);
        return routes;
    }

    internal static async Task<Ok<List<SmsTemplate>>> ListAsync(NotificationsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Templates.AsNoTracking().OrderBy(t => t.Code).ToListAsync(cancellationToken));

    internal static async Task<Results<Ok<SmsTemplate>, ValidationProblem>> PutAsync(
        string code, TemplateRequest request, NotificationsDbContext db, TemplateCatalog catalog, IValidator<TemplateRequest> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request).Also("code", TemplateValidator.CodeProblem(code)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The template is not valid");
        }

        SmsTemplate template = null!;
        await KeyedEdit<SmsTemplate>.SaveAsync(db, code, async () =>
        {
            template = await db.Templates.SingleOrDefaultAsync(t => t.Code == code, cancellationToken)
                       ?? db.Templates.Add(new SmsTemplate { Code = code, Name = "", Signature = "", Text = "" }).Entity;
            template.Name = request.Name!.Trim();
            template.Signature = TemplateValidator.Signature(request.Signature)!;
            template.Text = request.Text!.Trim();
            template.Kind = TemplateValidator.Kind(request.Kind);
            template.Urgent = request.Urgent ?? false;
            template.ProviderCodes = request.ProviderCodes ?? [];
            template.UpdatedAt = time.GetUtcNow();
        }, cancellationToken);
        catalog.Invalidate();
        return TypedResults.Ok(template);
    }

    internal static async Task<Results<Ok<RenderResponse>, ValidationProblem>> RenderAsync(string code, RenderRequest request, TemplateCatalog catalog, CancellationToken cancellationToken)
    {
        var (sms, error) = await catalog.RenderAsync(code, request.Values ?? [], cancellationToken);
        if (sms is null)
        {
            return Problems.Invalid("values", error!);
        }

        var signed = TemplateText.Signed(sms.Template.Signature, sms.Text);
        return TypedResults.Ok(new RenderResponse(signed, SmsSegments.Length(signed), sms.Segments, SmsSegments.Split(signed)));
    }
}
