using MassWork.Notifications.Data;
using MassWork.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        string code, TemplateRequest request, NotificationsDbContext db, TemplateCatalog catalog, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (code.Length is < 2 or > 40 || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            errors["code"] = ["2–40 lower-case letters, digits or '-'."];
        }

        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 60)
        {
            errors["name"] = ["Required, at most 60 characters."];
        }

        var signature = request.Signature?.Trim().Trim('【', '】');
        if (string.IsNullOrEmpty(signature) || signature.Length is < 2 or > 12)
        {
            errors["signature"] = ["The approved signature, 2 to 12 characters, without 【】."];
        }

        if (TemplateText.Validate(request.Text) is { } textProblem)
        {
            errors["text"] = [textProblem];
        }
        else if (signature is not null && !SmsSegments.Fits(TemplateText.Signed(signature, request.Text!)))
        {
            errors["text"] = [$"Signature and text may be at most {SmsSegments.MaxLength} characters."];
        }

        if (!EnumNames.TryParse<TemplateKind>(request.Kind ?? nameof(TemplateKind.Service), out var kind))
        {
            errors["kind"] = ["Service or Broadcast."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "The template is not valid");
        }

        var template = await db.Templates.SingleOrDefaultAsync(t => t.Code == code, cancellationToken);
        if (template is null)
        {
            template = new SmsTemplate { Code = code, Name = "", Signature = "", Text = "" };
            db.Templates.Add(template);
        }

        template.Name = request.Name!.Trim();
        template.Signature = signature!;
        template.Text = request.Text!.Trim();
        template.Kind = kind;
        template.Urgent = request.Urgent ?? false;
        template.ProviderCodes = request.ProviderCodes ?? [];
        template.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
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
