
using MassWork.Visits.Demands;

namespace MassWork.Visits.Records;

/// <summary>Field checks of a visit that need no database; each problem names its field.</summary>
public static class VisitValidation
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

    public static CheckedVisit? Check(VisitRequest request, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        var clientId = request.ClientId;
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Length > MaxClientId)
        {
            errors["clientId"] = [$"Required, at most {MaxClientId} characters: the id the client gave the visit when it was first saved (a UUID)."];
        }

        if (request.VisitedAt is not { } visitedAt)
        {
            errors["visitedAt"] = ["Required: when the visit took place, with its offset (2026-06-10T09:30:00+08:00)."];
        }
        else if (VisitRules.WhenProblem(visitedAt, now) is { } when)
        {
            errors["visitedAt"] = [when];
        }

        VisitMode? mode = EnumNames.TryParse<VisitMode>(request.Mode, out var parsed) ? parsed : null;
        if (mode is null)
        {
            errors["mode"] = [EnumNames.OneOf<VisitMode>() + " (入户, 电话, 座谈会, 下访恳谈)"];
        }

        var cadres = Ids(request.CadreIds, "cadreIds", MaxCadres, "cadre", errors);
        var households = Ids(request.HouseholdIds, "householdIds", MaxHouseholds, "household", errors);
        var place = CheckPlace(request.Place, errors);
        var notes = string.IsNullOrWhiteSpace(request.Notes) ? null : request.Notes.Trim();
        if (notes?.Length > MaxNotes)
        {
            errors["notes"] = [$"At most {MaxNotes} characters."];
        }

        var topics = Items(request.PolicyTopics, "policyTopics", errors);
        var services = Items(request.ServicesDone, "servicesDone", errors);
        var (cash, goods) = CheckAid(request.Aid, errors);
        var cards = ContactCards(request.ContactCardHouseholdIds, households, mode, errors);
        var demands = DemandValidation.CheckAll(request.Demands, households, errors);
        if (mode is { } m && households.Count > 0
            && VisitRules.ModeProblem(m, households.Count, place is not null, cash > 0 || goods.Count > 0) is { } problem
            && !errors.ContainsKey(problem.Field))
        {
            errors[problem.Field] = [problem.Message];
        }

        if (errors.Count > 0)
        {
            return null;
        }

        return new CheckedVisit(clientId!, request.VisitedAt!.Value, mode!.Value, cadres, households, place, notes, topics, cash, goods, services, cards, demands);
    }

    private static List<Guid> Ids(IReadOnlyList<Guid>? ids, string field, int max, string what, Dictionary<string, string[]> errors)
    {
        if (ids is null || ids.Count == 0 || ids.Count > max)
        {
            errors[field] = [$"Required: 1 to {max} {what} ids."];
            return [];
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == Guid.Empty || !seen.Add(ids[i]))
            {
                errors[$"{field}[{i}]"] = [ids[i] == Guid.Empty ? $"Not a {what} id." : "Listed twice."];
            }
        }

        return [.. ids];
    }

    /// <summary>The households handed the contact card: some of the visit's, in person.</summary>
    private static List<Guid> ContactCards(IReadOnlyList<Guid>? ids, IReadOnlyList<Guid> households, VisitMode? mode, Dictionary<string, string[]> errors)
    {
        if (ids is null || ids.Count == 0)
        {
            return [];
        }

        if (mode is { } m && VisitRules.ContactCardProblem(m) is { } problem)
        {
            errors["contactCardHouseholdIds"] = [problem];
            return [];
        }

        var seen = new HashSet<Guid>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (!seen.Add(ids[i]))
            {
                errors[$"contactCardHouseholdIds[{i}]"] = ["Listed twice."];
            }
            else if (households.Count > 0 && !households.Contains(ids[i]))
            {
                errors[$"contactCardHouseholdIds[{i}]"] = ["Not one of the visit's households (householdIds)."];
            }
        }

        return [.. seen];
    }

    private static VisitPlace? CheckPlace(PlaceInput? place, Dictionary<string, string[]> errors)
    {
        if (place is null)
        {
            return null;
        }

        var valid = true;
        if (place.Latitude is not (>= -90 and <= 90))
        {
            errors["place.latitude"] = ["Required with a place: degrees between -90 and 90 (WGS-84, as the phone's GPS gives it)."];
            valid = false;
        }

        if (place.Longitude is not (>= -180 and <= 180))
        {
            errors["place.longitude"] = ["Required with a place: degrees between -180 and 180 (WGS-84, as the phone's GPS gives it)."];
            valid = false;
        }

        if (place.AccuracyMetres is not (> 0 and <= MaxAccuracyMetres))
        {
            errors["place.accuracyMetres"] = [$"Required with a place: the fix's accuracy in metres, above 0 and at most {MaxAccuracyMetres:0}."];
            valid = false;
        }

        return valid ? new VisitPlace(place.Latitude!.Value, place.Longitude!.Value, place.AccuracyMetres!.Value) : null;
    }

    private static List<string> Items(IReadOnlyList<string>? items, string field, Dictionary<string, string[]> errors)
    {
        if (items is null)
        {
            return [];
        }

        if (items.Count > MaxItems)
        {
            errors[field] = [$"At most {MaxItems}."];
            return [];
        }

        var result = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i]?.Trim();
            if (string.IsNullOrEmpty(item) || item.Length > MaxItemLength)
            {
                errors[$"{field}[{i}]"] = [$"Not empty, at most {MaxItemLength} characters."];
            }
            else
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static (long CashFen, List<AidGoods> Goods) CheckAid(AidInput? aid, Dictionary<string, string[]> errors)
    {
        if (aid is null)
        {
            return (0, []);
        }

        var cash = aid.CashFen ?? 0;
        if (cash is < 0 or > VisitRules.MaxAidFen)
        {
            errors["aid.cashFen"] = [$"Cash in fen (分), from 0 to {VisitRules.MaxAidFen}."];
        }

        var input = aid.Goods ?? [];
        if (input.Count > MaxItems)
        {
            errors["aid.goods"] = [$"At most {MaxItems} kinds of goods."];
            return (cash, []);
        }

        var goods = new List<AidGoods>();
        for (var i = 0; i < input.Count; i++)
        {
            var g = input[i];
            var name = g?.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > MaxGoodsName)
            {
                errors[$"aid.goods[{i}].name"] = [$"Required, at most {MaxGoodsName} characters (大米, 食用油, 棉被)."];
            }
            else if (g!.Quantity is not (>= 1 and <= VisitRules.MaxGoodsQuantity))
            {
                errors[$"aid.goods[{i}].quantity"] = [$"Required, from 1 to {VisitRules.MaxGoodsQuantity}."];
            }
            else if (g.ValueFen is not (>= 0 and <= VisitRules.MaxAidFen))
            {
                errors[$"aid.goods[{i}].valueFen"] = [$"Required: the goods' total value in fen (分), from 0 to {VisitRules.MaxAidFen}."];
            }
            else
            {
                goods.Add(new AidGoods(name, g.Quantity.Value, g.ValueFen.Value));
            }
        }

        if (!errors.Keys.Any(k => k.StartsWith("aid", StringComparison.Ordinal)) && VisitRules.AidTotalProblem(cash, goods) is { } total)
        {
            errors["aid"] = [total];
        }

        return (cash, goods);
    }
}
