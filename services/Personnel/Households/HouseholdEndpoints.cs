using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.People;
using MassWork.Personnel.Regions;

namespace MassWork.Personnel.Households;

public static class HouseholdEndpoints
{
    public static IEndpointRouteBuilder MapHouseholdEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/personnel/households").WithTags("Households");

        group.MapPost("/", RegisterAsync)
            .WithName("RegisterHousehold")
            .WithSummary("Register a household with its members (登记户)")
            .RequireAuthorization(Permissions.RegisterHouseholds)
            .WithIdempotency<PersonnelDbContext>();
        group.MapPut("/{id:guid}", UpdateAsync)
            .WithName("UpdateHousehold")
            .WithSummary("Replace a household's details, status, tags and members; If-Match with its version guards against lost updates")
            .RequireAuthorization(Permissions.RegisterHouseholds);
        group.MapPost("/{id:guid}/move", MoveAsync)
            .WithName("MoveHousehold")
            .WithSummary("Move a household to another village, group or compound; its pairings there end")
            .RequireAuthorization(Permissions.RegisterHouseholds);
        group.MapGet("/{id:guid}", GetAsync).WithName("GetHousehold").WithSummary("One household in your region, personal data masked");
        group.MapGet("/", SearchAsync).WithName("SearchHouseholds")
            .WithSummary("Search by name, household number, tag, status, region, or exact ID number or phone")
            .RequireRegionScope();
        group.MapGet("/{id:guid}/members/{memberId:guid}/personal-data", ReadPersonalDataAsync)
            .WithName("ReadMemberPersonalData")
            .WithSummary("The full ID number and phone of one member (town staff, operators); every read is logged with its purpose")
            .RequireAuthorization(Permissions.ReadHouseholdDetails);
        return routes;
    }

    internal static async Task<Results<Created<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        HouseholdForm request, Caller caller, PersonnelDbContext db, IValidator<HouseholdForm> validator, PersonalDataProtector protector, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (validator.Validate(request, ChinaTime.Today(time)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The household is not valid");
        }

        var (details, members) = HouseholdValidator.Checked(request);
        if (!caller.Covers(details.VillageCode))
        {
            return Problems.OutsideRegion("villageCode", details.VillageCode, caller.RegionPrefix);
        }

        if (await PlaceChecks.ValidateAsync(db, details.VillageCode, details.GroupId, details.CompoundId, cancellationToken) is { IsValid: false } unknownPlace)
        {
            return unknownPlace.ToProblem("The household is not valid");
        }

        if (await db.Households.AnyAsync(h => h.HouseholdNumber == details.HouseholdNumber, cancellationToken))
        {
            return DuplicateNumber(details.HouseholdNumber);
        }

        var household = Household.Register(details, [.. ToEntities(members, protector).Select(m => m.Member)], caller.UserId, time.GetUtcNow());
        db.Households.Add(household);
        db.RaiseIntegrationEvent(HouseholdEvents.Registered(household, protector), household.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DuplicateNumber(details.HouseholdNumber);
        }

        return TypedResults.Created($"/api/personnel/households/{household.Id}", HouseholdResponse.From(household));
    }

    internal static async Task<Results<Ok<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, HouseholdForm request, HttpRequest http, Caller caller, PersonnelDbContext db, IValidator<HouseholdForm> validator,
        PersonalDataProtector protector, TimeProvider time, CancellationToken cancellationToken)
    {
        var household = await Scoped(db, caller).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return Problems.NotFound($"Household {id}");
        }

        var form = request with { HouseholdNumber = request.HouseholdNumber ?? household.HouseholdNumber };
        if (validator.Validate(form, ChinaTime.Today(time)) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The household is not valid");
        }

        var (details, members) = HouseholdValidator.Checked(form);

        if (details.HouseholdNumber != household.HouseholdNumber)
        {
            return Problems.Invalid("householdNumber", "The household number cannot change; it is the household's key.");
        }

        if (details.VillageCode != household.VillageCode)
        {
            return Problems.Invalid("villageCode", "Use POST /api/personnel/households/{id}/move to move a household.");
        }

        if (await PlaceChecks.ValidateAsync(db, details.VillageCode, details.GroupId, details.CompoundId, cancellationToken) is { IsValid: false } unknownPlace)
        {
            return unknownPlace.ToProblem("The household is not valid");
        }

        if (Versions.IfMatchFails(http, household.Version))
        {
            return VersionConflict(household.Version, StatusCodes.Status412PreconditionFailed);
        }

        household.Update(details, ToEntities(members, protector), time.GetUtcNow());
        db.RaiseIntegrationEvent(HouseholdEvents.Updated(household, protector, "Updated"), household.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsLostRace())
        {
            return VersionConflict(household.Version, StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(HouseholdResponse.From(household));
    }

    internal static async Task<Results<Ok<HouseholdResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, MoveHouseholdRequest request, Caller caller, PersonnelDbContext db, PersonalDataProtector protector,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var village = request.VillageCode?.Trim();
        if (!DivisionCode.IsVillage(village))
        {
            return Problems.Invalid("villageCode", "Must be the 12-digit division code of a village.");
        }

        if (!caller.Covers(village!))
        {
            return Problems.OutsideRegion("villageCode", village!, caller.RegionPrefix);
        }

        var household = await Scoped(db, caller).Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return Problems.NotFound($"Household {id}");
        }

        if (await PlaceChecks.ValidateAsync(db, village!, request.GroupId, request.CompoundId, cancellationToken) is { IsValid: false } unknownPlace)
        {
            return unknownPlace.ToProblem("The move is not valid");
        }

        var now = time.GetUtcNow();
        var previous = household.VillageCode;
        household.MoveTo(village!, request.GroupId, request.CompoundId, now);
        if (previous != village)
        {
            // The old village's team no longer looks after the household; the new one takes over.
            var reason = string.IsNullOrWhiteSpace(request.Reason) ? "户迁出" : request.Reason.Trim();
            var active = await db.Pairings.Where(p => p.HouseholdId == id && p.EndedAt == null).ToListAsync(cancellationToken);
            foreach (var pairing in active)
            {
                pairing.End(now, caller.UserId, reason);
                db.RaiseIntegrationEvent(
                    new PairingEnded(pairing.Id, pairing.Kind.ToString(), now, id, previous, pairing.CadreId, reason), pairing.Id.ToString());
            }
        }

        db.RaiseIntegrationEvent(HouseholdEvents.Updated(household, protector, "Moved", previous), household.Id.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return VersionConflict(household.Version, StatusCodes.Status409Conflict);
        }

        return TypedResults.Ok(HouseholdResponse.From(household));
    }

    internal static async Task<Results<Ok<HouseholdResponse>, ProblemHttpResult>> GetAsync(
        Guid id, Caller caller, PersonnelDbContext db, HttpResponse response, CancellationToken cancellationToken)
    {
        var household = await Scoped(db, caller).AsNoTracking().Include(h => h.Members).SingleOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (household is null)
        {
            return Problems.NotFound($"Household {id}");
        }

        response.Headers.ETag = Versions.ETag(household.Version);
        return TypedResults.Ok(HouseholdResponse.From(household));
    }

    internal static async Task<Results<Ok<HouseholdPage>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        Caller caller, PersonnelDbContext db, PersonalDataProtector protector, CancellationToken cancellationToken,
        string? name = null, string? householdNumber = null, string? tag = null, string? status = null, string? region = null,
        string? idNumber = null, string? phone = null, int page = 1, int pageSize = 50)
    {
        if (Problems.Paging(page, pageSize) is { } pagingProblem)
        {
            return pagingProblem;
        }

        var prefix = caller.RegionPrefix;
        if (!string.IsNullOrWhiteSpace(region))
        {
            region = region.Trim();
            if (!RegionPrefixes.IsValid(region))
            {
                return Problems.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits.");
            }

            prefix = region;
        }

        var query = db.Households.AsNoTracking().Where(h => h.VillageCode.StartsWith(prefix));
        if (!string.IsNullOrWhiteSpace(householdNumber))
        {
            query = query.Where(h => h.HouseholdNumber == householdNumber.Trim());
        }

        if (!string.IsNullOrWhiteSpace(name))
        {
            // Any member's name matches anywhere (建国 finds 陈建国): Chinese given names are what staff
            // remember. The region narrows the households first; members are probed by household.
            var escaped = name.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            var anywhere = $"%{escaped}%";
            query = query.Where(h => EF.Functions.ILike(h.HeadName, anywhere)
                || db.HouseholdMembers.Any(m => m.HouseholdId == h.Id && EF.Functions.Like(m.Name, anywhere)));
        }

        if (!string.IsNullOrWhiteSpace(tag))
        {
            query = query.Where(h => h.Tags.Contains(tag.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!HouseholdStatusNames.TryParse(status, out var parsed))
            {
                return Problems.Invalid("status", $"One of: {string.Join(", ", Enum.GetNames<HouseholdStatus>())}.");
            }

            query = query.Where(h => h.Status == parsed);
        }

        if (!string.IsNullOrWhiteSpace(idNumber))
        {
            var hash = protector.Hash(IdCardNumber.Normalize(idNumber));
            query = query.Where(h => db.HouseholdMembers.Any(m => m.HouseholdId == h.Id && m.IdNumberHash == hash));
        }

        if (!string.IsNullOrWhiteSpace(phone))
        {
            var hash = protector.PhoneHash(phone);
            query = query.Where(h => db.HouseholdMembers.Any(m => m.HouseholdId == h.Id && m.PhoneHash == hash));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(h => h.VillageCode).ThenBy(h => h.HouseholdNumber)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(h => new HouseholdSummary(h.Id, h.HouseholdNumber, h.VillageCode, h.Address, h.HeadName, h.Status.ToString(), h.Tags, h.RegisteredAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new HouseholdPage(items, total));
    }

    internal static async Task<Results<Ok<MemberPersonalData>, ValidationProblem, ProblemHttpResult>> ReadPersonalDataAsync(
        Guid id, Guid memberId, string? purpose, Caller caller, PersonnelDbContext db, PersonalDataProtector protector,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(purpose) || purpose.Trim().Length > 200)
        {
            return Problems.Invalid("purpose", "Say why the full values are needed (at most 200 characters); it is logged.");
        }

        var member = await db.HouseholdMembers.AsNoTracking()
            .Where(m => m.Id == memberId && m.HouseholdId == id
                && db.Households.Any(h => h.Id == id && h.VillageCode.StartsWith(caller.RegionPrefix)))
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return Problems.NotFound($"Member {memberId} of household {id}");
        }

        db.PersonalDataReads.Add(new PersonalDataRead
        {
            ReadBy = caller.UserId, SubjectKind = "HouseholdMember", SubjectId = memberId, Purpose = purpose.Trim(), ReadAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new MemberPersonalData(member.Id, member.Name,
            member.IdNumberCipher is null ? null : protector.Decrypt(member.IdNumberCipher),
            member.PhoneCipher is null ? null : protector.Decrypt(member.PhoneCipher)));
    }

    private static IQueryable<Household> Scoped(PersonnelDbContext db, Caller caller) =>
        db.Households.Where(h => h.VillageCode.StartsWith(caller.RegionPrefix));

    private static List<MemberEdit> ToEntities(IReadOnlyList<ValidMember> members, PersonalDataProtector protector) =>
        members.Select(m => new MemberEdit(
            HouseholdMember.Create(m.Name, m.Relation,
                m.IdNumber is null ? null : SensitiveValue.IdNumber(protector, m.IdNumber),
                m.Phone is null ? null : SensitiveValue.Phone(protector, m.Phone)),
            m.KeepsIdNumber, m.KeepsPhone)).ToList();

    private static ProblemHttpResult VersionConflict(uint version, int status) =>
        TypedResults.Problem(statusCode: status, title: "The household was changed by someone else",
            detail: $"Reload it (current version {version}) and apply your change again.");

    private static ProblemHttpResult DuplicateNumber(string number) =>
        Problems.Conflict("Household number already registered", $"householdNumber {number} is already in the register.");
}
