using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using MassWork.Petitions.Cases;
using MassWork.Petitions.Intake;

namespace MassWork.Petitions.Open311;

/// <summary>
/// Open311 GeoReport v2 (JSON) so existing 311 clients and city apps can submit and follow
/// demands. The service list is the category list; address_id is the 12-digit division code of the
/// village or town; service_request_id is the case number. Clients identify with an api_key
/// issued by an operator (or a MassWork bearer token). Errors use the spec's own shape: an array of
/// {code, description}, the description naming the field.
/// </summary>
public static class Open311Endpoints
{
    /// <summary>What a client's cases and steps record as their actor: this, then the client's name.</summary>
    internal const string ActorPrefix = "open311:";

    private const string Base = "/api/petitions/open311/v2";
    private const int MaxResults = 1000;

    public static IEndpointRouteBuilder MapOpen311Endpoints(this IEndpointRouteBuilder routes)
    {
        var open311 = routes.MapGroup(Base).WithTags("Open311 GeoReport v2");
        open311.MapGet("/services.json", ServicesAsync).AllowAnonymous().WithName("Open311Services");
        open311.MapGet("/services/{code}.json", ServiceAsync).AllowAnonymous().WithName("Open311ServiceDefinition");
        open311.MapPost("/requests.json", PostRequestAsync).AllowAnonymous().DisableAntiforgery().WithName("Open311PostRequest")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded");
        open311.MapGet("/requests.json", GetRequestsAsync).AllowAnonymous().WithName("Open311GetRequests");
        open311.MapGet("/requests/{id}.json", GetRequestAsync).AllowAnonymous().WithName("Open311GetRequest");
        routes.MapPost("/api/petitions/open311/clients", CreateClientAsync).WithTags("Open311 GeoReport v2").WithName("CreateOpen311Client")
            .WithSummary("Issue an api_key for a 311 client or city app; the key is shown once")
            .RequireAuthorization(Permissions.ManageClients);
        return routes;
    }

    private static IResult Error(int status, string description) => Results.Json(new[] { new Open311Error(status, description) }, statusCode: status);

    /// <summary>A spec date (W3C: ISO 8601 with its offset, as in the body of any other request), or none.</summary>
    private static bool TryInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) || !DateRules.HasOffset(text) || !DateRules.IsInRange(value))
        {
            return false;
        }

        instant = value;
        return true;
    }

    internal static async Task<IResult> ServicesAsync(PetitionsDbContext db, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Group).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        return Results.Json(categories.Select(c => new Open311Service(c.Code, c.Name, c.Description, false, "realtime", c.Description, c.Group)));
    }

    internal static async Task<IResult> ServiceAsync(string code, PetitionsDbContext db, CancellationToken cancellationToken) =>
        await db.Categories.AnyAsync(c => c.Code == code && c.Active, cancellationToken)
            ? Results.Json(new Open311ServiceDefinition(code, []))
            : Error(404, $"service_code: {code} is not a service.");

    internal static async Task<IResult> PostRequestAsync(HttpContext http, PetitionsDbContext db, IntakeService intake, PersonalDataProtector protector)
    {
        var cancellationToken = http.RequestAborted;
        if (!http.Request.HasFormContentType)
        {
            return Error(400, "Send the request as application/x-www-form-urlencoded (GeoReport v2).");
        }

        var form = await http.Request.ReadFormAsync(cancellationToken);
        var client = await ClientAsync(http, form["api_key"], Permissions.FilePetitions, db, protector, cancellationToken);
        if (client is null)
        {
            return Error(403, "api_key: missing or not valid (a staff token's role must be allowed the same work in the petitions API).");
        }

        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } v ? v.Trim() : null;
        var location = Open311Location.Read(Field("address_id"), Field("address_string"), Field("lat"), Field("long"), client.Value.Region);
        if (location.Error is { } locationError)
        {
            return Error(400, locationError);
        }

        var name = $"{Field("last_name")}{Field("first_name")}";
        var mediaUrl = Field("media_url");
        var request = new IntakeRequest(
            Channel: nameof(Channel.Online),
            MatterType: Field("attribute[matter_type]") ?? nameof(MatterType.Request),
            CategoryCode: Field("service_code"),
            Content: Field("description") is { } d && location.Described is { } place ? $"{d}（地点：{place}）" : Field("description"),
            RegionCode: location.RegionCode,
            Petitioner: new PetitionerInput(name.Length == 0 ? null : name, Field("phone")),
            Attachments: mediaUrl is null ? null : [new AttachmentInput("media", "image/jpeg", 0, mediaUrl)]);
        var result = await intake.RegisterAsync(request, client.Value.Actor, client.Value.Region, CaseAccess.LevelOf(client.Value.Region), null, cancellationToken);
        if (result.OutsideRegion is not null)
        {
            return Error(403, $"address_id: {location.RegionCode} is outside this client's jurisdiction {client.Value.Region}.");
        }

        if (result.Case is not { } c)
        {
            var (field, messages) = result.Validation.ToErrors().First();
            return Error(400, $"{Open311Field(field)}: {messages[0]}");
        }

        var notice = location.PlacedAtVillage ? Notice(c) : $"{Notice(c)}地点未能定位到村（社区），由{c.RegionCode}所属受理机关受理。";
        return Results.Json(new[] { new Open311Created(c.Number, notice, Field("account_id")) }, statusCode: StatusCodes.Status201Created);
    }

    internal static async Task<IResult> GetRequestsAsync(HttpContext http, PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time,
        string? service_request_id = null, string? service_code = null, string? start_date = null, string? end_date = null, string? status = null)
    {
        var cancellationToken = http.RequestAborted;
        var client = await ClientAsync(http, http.Request.Query["api_key"], Permissions.Work, db, protector, cancellationToken);
        if (client is null)
        {
            return Error(403, "api_key: missing or not valid (a staff token's role must be allowed the same work in the petitions API).");
        }

        if (status is not (null or "open" or "closed"))
        {
            return Error(400, "status: open or closed.");
        }

        if (!TryInstant(start_date, out var startDate) || !TryInstant(end_date, out var endDate))
        {
            return Error(400, $"{(TryInstant(start_date, out _) ? "end_date" : "start_date")}: {DateRules.InstantMessage}");
        }

        var region = client.Value.Region;
        var cases = db.Cases.AsNoTracking().Where(c => c.RegionCode.StartsWith(region) && c.MatterType != MatterType.Accusation);
        if (service_request_id is not null)
        {
            var numbers = service_request_id.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(MaxResults).ToList();
            cases = cases.Where(c => numbers.Contains(c.Number));
        }
        else
        {
            // The spec's default window: the last 90 days.
            var end = endDate ?? time.GetUtcNow();
            var start = startDate ?? end.AddDays(-90);
            cases = cases.Where(c => c.RegisteredAt >= start.ToUniversalTime() && c.RegisteredAt <= end.ToUniversalTime());
            if (service_code is not null)
            {
                var codes = service_code.Split(',', StringSplitOptions.TrimEntries);
                cases = cases.Where(c => codes.Contains(c.CategoryCode));
            }

            if (status is not null)
            {
                cases = status == "closed"
                    ? cases.Where(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.Terminated || c.Status == CaseStatus.NotAccepted)
                    : cases.Where(c => c.Status != CaseStatus.Closed && c.Status != CaseStatus.Terminated && c.Status != CaseStatus.NotAccepted);
            }
        }

        var list = await cases.OrderByDescending(c => c.RegisteredAt).Take(MaxResults).ToListAsync(cancellationToken);
        return Results.Json(await ViewsAsync(db, list, cancellationToken));
    }

    internal static async Task<IResult> GetRequestAsync(string id, HttpContext http, PetitionsDbContext db, PersonalDataProtector protector)
    {
        var client = await ClientAsync(http, http.Request.Query["api_key"], Permissions.Work, db, protector, http.RequestAborted);
        if (client is null)
        {
            return Error(403, "api_key: missing or not valid (a staff token's role must be allowed the same work in the petitions API).");
        }

        var c = await db.Cases.AsNoTracking().SingleOrDefaultAsync(x => x.Number == id && x.RegionCode.StartsWith(client.Value.Region) && x.MatterType != MatterType.Accusation, http.RequestAborted);
        return c is null ? Error(404, $"service_request_id: {id} was not found.") : Results.Json(await ViewsAsync(db, [c], http.RequestAborted));
    }

    internal static async Task<IResult> CreateClientAsync(Open311ClientRequest request, Caller caller, PetitionsDbContext db, IValidator<Open311ClientRequest> validator,
        PersonalDataProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        if (validator.Validate(request) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The client is not valid");
        }

        if (!caller.Covers(request.RegionPrefix!))
        {
            return Problems.OutsideRegion("regionPrefix", request.RegionPrefix!, caller.RegionPrefix);
        }

        var key = Base64Url(RandomNumberGenerator.GetBytes(32));
        var client = new Open311Client
        {
            Id = Guid.CreateVersion7(), Name = request.Name!.Trim(), KeyHash = protector.Hash(key), RegionPrefix = request.RegionPrefix!, CreatedAt = time.GetUtcNow(),
        };
        db.Open311Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/petitions/open311/clients/{client.Id}", new Open311ClientCreated(client.Id, client.Name, client.RegionPrefix, key));
    }

    /// <summary>
    /// A staff token whose role holds <paramref name="permission"/> in the role matrix, as the same
    /// step through the petitions API would need (an administrator's token sees no work data here
    /// either); otherwise the client its api_key names.
    /// </summary>
    private static async Task<(string Actor, string Region)?> ClientAsync(
        HttpContext http, string? apiKey, string permission, PetitionsDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        if (http.User.Identity?.IsAuthenticated == true && Caller.FromPrincipal(http.User) is { } caller
            && (await http.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(http.User, permission)).Succeeded)
        {
            return (caller.UserId, caller.RegionPrefix);
        }

        if (string.IsNullOrEmpty(apiKey))
        {
            return null;
        }

        var hash = protector.Hash(apiKey);
        var client = await db.Open311Clients.AsNoTracking().SingleOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, cancellationToken);
        return client is null ? null : ($"{ActorPrefix}{client.Name}", client.RegionPrefix);
    }

    private static async Task<List<Open311Request>> ViewsAsync(PetitionsDbContext db, List<Case> cases, CancellationToken cancellationToken)
    {
        var names = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        return cases.Select(c =>
        {
            var closed = c.Status is CaseStatus.Closed or CaseStatus.Terminated or CaseStatus.NotAccepted;
            return new Open311Request(c.Number, closed ? "closed" : "open", c.NotAcceptedReason ?? c.Opinion, names.GetValueOrDefault(c.CategoryCode, c.CategoryCode),
                c.CategoryCode, c.Content, c.Holder?.Name, Notice(c), ChinaTime.Local(c.RegisteredAt), ChinaTime.Local(c.UpdatedAt), ChinaTime.Local(c.ResolveDueAt),
                null, c.RegionCode, null, null, null, c.Attachments.FirstOrDefault()?.Url);
        }).ToList();
    }

    private static string Notice(Case c) => c.Status == CaseStatus.NotAccepted
        ? $"编号 {c.Number}：{c.NotAcceptedReason}"
        : $"已登记，编号 {c.Number}。我们将在7日内告知办理进展。";

    private static string Open311Field(string field) => field switch
    {
        "categoryCode" => "service_code",
        "content" => "description",
        "regionCode" => "address_id",
        "petitioner.name" => "last_name",
        "petitioner.phone" => "phone",
        "matterType" => "attribute[matter_type]",
        "attachments[0].url" => "media_url",
        _ => field,
    };

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
