using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;
using FluentValidation.Results;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Intake;

/// <summary>The outcome of an intake: the registered case, or what was wrong with the request.</summary>
public sealed record IntakeResult(Case? Case, ValidationResult Validation, string? OutsideRegion);

/// <summary>
/// Registers a matter from any channel (the staff API and Open311 alike): field checks, the
/// household from the local read model, then the repeat / 逐级 / 终结 checks under a lock on
/// (petitioner, category) so two intakes of the same matter cannot both count as new.
/// </summary>
public sealed class IntakeService(PetitionsDbContext db, RulesProvider rules, IValidator<IntakeRequest> validator, PersonalDataProtector protector, TimeProvider time)
{
    /// <param name="sourceDemandId">The demand raised on a visit the matter comes from (unique among cases); null for every other channel.</param>
    public async Task<IntakeResult> RegisterAsync(IntakeRequest request, string actor, string scope, IntakeLevel level, Guid? sourceDemandId, CancellationToken cancellationToken)
    {
        var household = request.HouseholdId is { } householdId
            ? await db.Households.AsNoTracking().SingleOrDefaultAsync(h => h.Id == householdId, cancellationToken)
            : null;
        var region = request.RegionCode?.Trim() ?? household?.VillageCode;
        var caseRules = await rules.ForRegionAsync(region ?? scope, cancellationToken);
        var validation = validator.Validate(request, caseRules.Policy);
        if (request.HouseholdId is not null && household is null)
        {
            validation.Errors.Add(new ValidationFailure("householdId", "Not in the household register (a household registered moments ago may take a few seconds to arrive)."));
        }

        if (!validation.IsValid)
        {
            return new IntakeResult(null, validation, null);
        }

        var intake = IntakeValidator.Checked(request);
        region ??= household!.VillageCode;
        if (!region.StartsWith(scope, StringComparison.Ordinal) || (household is not null && !household.VillageCode.StartsWith(scope, StringComparison.Ordinal)))
        {
            return new IntakeResult(null, validation, region);
        }

        var category = await rules.ActiveCategoryAsync(intake.CategoryCode, cancellationToken);
        if (category is null)
        {
            return new IntakeResult(null, new([new ValidationFailure("categoryCode", "Unknown category: use a code from GET /api/petitions/categories.")]), null);
        }

        var phone = intake.Phone is { } p ? new ProtectedPhone(protector.Encrypt(p), protector.Hash(p), PhoneNumber.Mask(p)) : null;
        var now = time.GetUtcNow();
        // Under an Idempotency-Key the filter's transaction is already open; the intake joins it.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // A failed save fails the whole intake, so EF's savepoint around it would only cost two round trips.
        db.Database.AutoSavepointsEnabled = false;
        var petitioner = PetitionerKey(intake, phone);
        var number = CaseNumber(region, now, await NextNumberAsync(petitioner, cancellationToken));
        var earlier = petitioner is null ? [] : await EarlierMattersAsync(intake, phone, cancellationToken);
        var decision = IntakeCheck.Decide(level, earlier);
        var c = Case.Register(
            new NewCase(number, intake.Channel, intake.MatterType, category.Code, category.WorkOrderClass, region, level, household?.Id,
                intake.PetitionerName ?? household?.HeadName, phone, intake.MandateReference, intake.Representatives, intake.Content,
                intake.Attachments, actor, sourceDemandId),
            decision, caseRules, now);
        db.Cases.Add(c);
        if (decision.RepeatOf is { } original)
        {
            await db.Cases.Where(x => x.Id == original).ExecuteUpdateAsync(s => s.SetProperty(x => x.RepeatCount, x => x.RepeatCount + 1), cancellationToken);
        }

        db.RaiseIntegrationEvent(
            new PetitionRegistered(CaseEvents.Ref(c, category.Name), c.Channel.ToString(), now,
                CaseEvents.OpenDue(c, DeadlineKind.ProgressCallBack), decision.RepeatOf, decision.SkipLevel, decision.Reason),
            c.Id.ToString());
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new IntakeResult(c, validation, null);
    }

    /// <summary>
    /// Who the matter is from, as the repeat check matches it (the household, or the phone's keyed
    /// hash) with its category: the name of the lock two intakes of one matter take in turn. None
    /// when neither is given: such a matter is never a repeat.
    /// </summary>
    private static string? PetitionerKey(CheckedIntake intake, ProtectedPhone? phone)
    {
        var who = intake.HouseholdId?.ToString() ?? (phone is null ? null : Convert.ToBase64String(phone.Hash));
        return who is null ? null : who + "|" + intake.CategoryCode;
    }

    /// <summary>The next case number; with the petitioner's lock, taken first, in the same round trip.</summary>
    private async Task<long> NextNumberAsync(string? petitioner, CancellationToken cancellationToken) =>
        petitioner is null
            ? await db.Database.SqlQuery<long>($"SELECT nextval({PetitionsDbContext.CaseNumberSequence}::regclass) AS \"Value\"").SingleAsync(cancellationToken)
            : await AdvisoryLock.WaitThenNextValueAsync(db, petitioner, PetitionsDbContext.CaseNumberSequence, cancellationToken);

    private static string CaseNumber(string region, DateTimeOffset now, long next) => $"{region[..6]}-{ChinaTime.LocalDate(now):yyyyMMdd}-{next:D7}";

    /// <summary>The petitioner's open matters in the category, read under the petitioner's lock.</summary>
    private async Task<List<EarlierMatter>> EarlierMattersAsync(CheckedIntake intake, ProtectedPhone? phone, CancellationToken cancellationToken)
    {
        var matches = intake.HouseholdId is { } householdId
            ? db.Cases.Where(c => c.HouseholdId == householdId && c.CategoryCode == intake.CategoryCode)
            : db.Cases.Where(c => c.PetitionerPhoneHash == phone!.Hash && c.CategoryCode == intake.CategoryCode);
        // An accusation is a repeat only of an accusation: linking a household's ordinary matter to
        // one would tell whoever registers it that the household accused someone.
        var accusation = intake.MatterType == MatterType.Accusation;
        return await matches
            .Where(c => c.Status != CaseStatus.NotAccepted && c.Status != CaseStatus.Closed)
            .Where(c => (c.MatterType == MatterType.Accusation) == accusation)
            .OrderBy(c => c.RegisteredAt)
            .Select(c => new EarlierMatter(c.Id, c.Number, c.Level, c.Status))
            .Take(20)
            .ToListAsync(cancellationToken);
    }
}
