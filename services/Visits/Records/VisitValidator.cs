using System.Linq.Expressions;
using FluentValidation.Results;
using MassWork.Visits.Demands;

namespace MassWork.Visits.Records;

/// <summary>
/// Field rules of a visit that need no database; each problem names its field as the phone's form
/// does (offline clients map these keys to their fields). Validate with the moment the visit is
/// recorded (a <see cref="DateTimeOffset"/>), which bounds when it may have taken place.
/// </summary>
public sealed class VisitValidator : RequestValidator<VisitRequest>
{
    public const int MaxClientId = 64;
    public const int MaxCadres = 20;
    public const int MaxHouseholds = 500;
    public const int MaxNotes = 2000;
    public const int MaxItems = 20;
    public const int MaxItemLength = 100;
    public const int MaxGoodsName = 50;

    /// <summary>Metres: beyond this a fix says nothing about which house was visited.</summary>
    public const double MaxAccuracyMetres = 10_000;

    public VisitValidator()
    {
        RuleFor(x => x.ClientId).Must(id => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxClientId)
            .WithMessage($"Required, at most {MaxClientId} characters: the id the client gave the visit when it was first saved (a UUID).");
        RuleFor(x => x.VisitedAt).NotNull().WithMessage("Required: when the visit took place, with its offset (2026-06-10T09:30:00+08:00).")
            .Custom((visitedAt, context) =>
            {
                if (VisitRules.WhenProblem(visitedAt!.Value, context.Value<DateTimeOffset>()) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
        RuleFor(x => x.Mode).Must(EnumNames.Is<VisitMode>).WithMessage(EnumNames.OneOf<VisitMode>() + " (入户, 电话, 座谈会, 下访恳谈)");
        RuleFor(x => x.CadreIds).Must(ids => IsCounted(ids, MaxCadres)).WithMessage($"Required: 1 to {MaxCadres} cadre ids.").EachOnce("Not a cadre id.");
        RuleFor(x => x.HouseholdIds).Must(ids => IsCounted(ids, MaxHouseholds)).WithMessage($"Required: 1 to {MaxHouseholds} household ids.")
            .EachOnce("Not a household id.");
        RuleFor(x => x.Place!.Latitude).Must(IsLatitude)
            .WithMessage("Required with a place: degrees between -90 and 90 (WGS-84, as the phone's GPS gives it).").When(x => x.Place is not null);
        RuleFor(x => x.Place!.Longitude).Must(IsLongitude)
            .WithMessage("Required with a place: degrees between -180 and 180 (WGS-84, as the phone's GPS gives it).").When(x => x.Place is not null);
        RuleFor(x => x.Place!.AccuracyMetres).Must(IsAccuracy)
            .WithMessage($"Required with a place: the fix's accuracy in metres, above 0 and at most {MaxAccuracyMetres:0}.").When(x => x.Place is not null);
        RuleFor(x => x.Notes).OptionalText(MaxNotes);
        Items(x => x.PolicyTopics);
        Items(x => x.ServicesDone);
        AidRules();
        ContactCardRules();
        DemandRules();
        ModeRule();
    }

    /// <summary>The request with its values trimmed and its mode parsed; call it once validation passed.</summary>
    public static CheckedVisit Checked(VisitRequest request)
    {
        EnumNames.TryParse<VisitMode>(request.Mode, out var mode);
        var households = request.HouseholdIds!;
        return new CheckedVisit(request.ClientId!, request.VisitedAt!.Value, mode, [.. request.CadreIds!], [.. households],
            request.Place is { } p ? new VisitPlace(p.Latitude!.Value, p.Longitude!.Value, p.AccuracyMetres!.Value) : null,
            string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim(),
            Trimmed(request.PolicyTopics), request.Aid?.CashFen ?? 0, request.Aid is { } aid ? Goods(aid) : [], Trimmed(request.ServicesDone),
            [.. request.ContactCardHouseholdIds ?? []], [.. (request.Demands ?? []).Select(d => DemandValidator.Checked(d, households))]);
    }

    /// <summary>Up to <see cref="MaxItems"/> short texts (policy topics explained, services done), each named by its place.</summary>
    private void Items(Expression<Func<VisitRequest, IEnumerable<string>?>> items) =>
        RuleFor(items).Must(l => l is null || l.Count() <= MaxItems).WithMessage($"At most {MaxItems}.")
            .DependentRules(() => RuleForEach(items!).Cascade(CascadeMode.Continue)
                .Must(item => !string.IsNullOrWhiteSpace(item) && item.Trim().Length <= MaxItemLength)
                .WithMessage($"Not empty, at most {MaxItemLength} characters."));

    /// <summary>送温暖: cash and each kind of goods, then their total once each part is right.</summary>
    private void AidRules()
    {
        RuleFor(x => x.Aid!.CashFen).Must(IsCash).WithMessage($"Cash in fen (分), from 0 to {VisitRules.MaxAidFen}.").When(x => x.Aid is not null);
        RuleFor(x => x.Aid!.Goods).Must(HasFewGoods).WithMessage($"At most {MaxItems} kinds of goods.").When(x => x.Aid is not null);
        RuleForEachElement(x => x.Aid!.Goods, goods =>
        {
            goods.RuleFor(g => g.Name).Must(IsGoodsName).WithMessage($"Required, at most {MaxGoodsName} characters (大米, 食用油, 棉被).");
            goods.RuleFor(g => g.Quantity).Must(IsQuantity).WithMessage($"Required, from 1 to {VisitRules.MaxGoodsQuantity}.");
            goods.RuleFor(g => g.ValueFen).Must(IsGoodsValue).WithMessage($"Required: the goods' total value in fen (分), from 0 to {VisitRules.MaxAidFen}.");
        }, when: x => x.Aid is not null && HasFewGoods(x.Aid.Goods));
        RuleFor(x => x.Aid).Problem(AidTotalProblem);
    }

    /// <summary>The households handed the contact card (民情联系卡): some of the visit's, in person.</summary>
    private void ContactCardRules() =>
        RuleFor(x => x.ContactCardHouseholdIds)
            .Problem((visit, ids) => ids is { Count: > 0 } && EnumNames.TryParse<VisitMode>(visit.Mode, out var mode) ? VisitRules.ContactCardProblem(mode) : null)
            .Custom((ids, context) =>
            {
                var households = context.InstanceToValidate.HouseholdIds;
                var seen = new HashSet<Guid>();
                for (var i = 0; i < (ids?.Count ?? 0); i++)
                {
                    var problem = !seen.Add(ids![i]) ? "Listed twice."
                        : IsCounted(households, MaxHouseholds) && !households!.Contains(ids[i]) ? "Not one of the visit's households (householdIds)."
                        : null;
                    if (problem is not null)
                    {
                        context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}]", problem));
                    }
                }
            });

    /// <summary>
    /// Demands raised on the visit, each by the rules of <see cref="DemandValidator"/> against the
    /// visit's households; their client ids are optional and unique within the visit.
    /// </summary>
    private void DemandRules()
    {
        RuleFor(x => x.Demands).Must(d => d is null || d.Count <= DemandValidator.MaxDemands).WithMessage($"At most {DemandValidator.MaxDemands} a visit.")
            .Custom((demands, context) =>
            {
                var clientIds = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < (demands?.Count ?? 0); i++)
                {
                    if (DemandValidator.ClientId(demands![i]?.ClientId) is { Length: <= MaxClientId } clientId && !clientIds.Add(clientId))
                    {
                        context.AddFailure(new ValidationFailure($"{context.PropertyPath}[{i}].clientId", "Listed twice."));
                    }
                }
            });
        When(x => x.Demands is not { Count: > DemandValidator.MaxDemands }, () =>
        {
            RuleForEach(x => x.Demands).Cascade(CascadeMode.Continue).NotNull().WithMessage(DemandValidator.Missing);
            RuleForEach(x => x.Demands).Cascade(CascadeMode.Continue).ChildRules(demand => DemandValidator.Rules(demand, clientIdRequired: false));
            RuleForEach(x => x.Demands).Cascade(CascadeMode.Continue).Custom((demand, context) =>
            {
                if (demand is not null && DemandValidator.HouseholdProblem(demand.HouseholdId, Households(context.InstanceToValidate)) is { } problem)
                {
                    context.AddFailure(new ValidationFailure($"{context.PropertyPath}.householdId", problem));
                }
            });
        });
    }

    /// <summary>
    /// What the mode allows (<see cref="VisitRules.ModeProblem"/>), judged on the parts that are right:
    /// a place or goods with problems of their own are told those, and so is aid beyond the limit.
    /// </summary>
    private void ModeRule() =>
        RuleFor(x => x).Custom((visit, context) =>
        {
            if (EnumNames.TryParse<VisitMode>(visit.Mode, out var mode) && IsCounted(visit.HouseholdIds, MaxHouseholds)
                && VisitRules.ModeProblem(mode, visit.HouseholdIds!.Count, IsPlace(visit.Place), HasAid(visit.Aid)) is { } problem
                && !(problem.Field == "aid" && AidTotalProblem(visit.Aid) is not null))
            {
                context.AddFailure(problem.Field, problem.Message);
            }
        });

    private static bool IsCounted(IReadOnlyList<Guid>? ids, int max) => ids is { Count: > 0 } && ids.Count <= max;

    /// <summary>The visit's households as its demands and contact cards are checked against: none while the list itself is wrong.</summary>
    private static IReadOnlyList<Guid> Households(VisitRequest visit) => IsCounted(visit.HouseholdIds, MaxHouseholds) ? visit.HouseholdIds! : [];

    private static bool IsLatitude(double? degrees) => degrees is >= -90 and <= 90;

    private static bool IsLongitude(double? degrees) => degrees is >= -180 and <= 180;

    private static bool IsAccuracy(double? metres) => metres is > 0 and <= MaxAccuracyMetres;

    private static bool IsPlace(PlaceInput? place) =>
        place is not null && IsLatitude(place.Latitude) && IsLongitude(place.Longitude) && IsAccuracy(place.AccuracyMetres);

    private static bool IsCash(long? fen) => (fen ?? 0) is >= 0 and <= VisitRules.MaxAidFen;

    private static bool HasFewGoods(IReadOnlyList<GoodsInput>? goods) => goods is not { Count: > MaxItems };

    private static bool IsGoodsName(string? name) => !string.IsNullOrWhiteSpace(name) && name.Trim().Length <= MaxGoodsName;

    private static bool IsQuantity(int? quantity) => quantity is >= 1 and <= VisitRules.MaxGoodsQuantity;

    private static bool IsGoodsValue(long? fen) => fen is >= 0 and <= VisitRules.MaxAidFen;

    private static bool IsGoods(GoodsInput? goods) =>
        goods is not null && IsGoodsName(goods.Name) && IsQuantity(goods.Quantity) && IsGoodsValue(goods.ValueFen);

    /// <summary>Aid handed over: cash, or goods that are right (as the mode's rule sees it).</summary>
    private static bool HasAid(AidInput? aid) =>
        aid is not null && ((aid.CashFen ?? 0) > 0 || (HasFewGoods(aid.Goods) && (aid.Goods ?? []).Any(IsGoods)));

    /// <summary>The total of cash and goods, judged once each part is right.</summary>
    private static string? AidTotalProblem(AidInput? aid) =>
        aid is not null && IsCash(aid.CashFen) && HasFewGoods(aid.Goods) && (aid.Goods ?? []).All(IsGoods)
            ? VisitRules.AidTotalProblem(aid.CashFen ?? 0, Goods(aid))
            : null;

    private static List<AidGoods> Goods(AidInput aid) => [.. (aid.Goods ?? []).Select(g => new AidGoods(g.Name!.Trim(), g.Quantity!.Value, g.ValueFen!.Value))];

    private static List<string> Trimmed(IReadOnlyList<string>? items) => [.. (items ?? []).Select(i => i.Trim())];
}
