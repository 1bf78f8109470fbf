using System.Globalization;
using System.Text;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Deadlines;

public sealed record CalendarYear(int Year, IReadOnlyList<CalendarDay> Days);

public static class PolicyEndpoints
{
    public static IEndpointRouteBuilder MapPolicyEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/petitions").WithTags("Deadline policy and calendar");
        group.MapGet("/policy/{cityCode}", GetPolicyAsync).WithName("GetPetitionPolicy")
            .WithSummary("The city's time limits (regulation defaults until edited) and work-order classes")
            .RequireAuthorization(Permissions.ReadSettings).RequireRegionScope(RegionReach.InsideOrAbove);
        group.MapPut("/policy/{cityCode}", PutPolicyAsync).WithName("PutPetitionPolicy")
            .WithSummary("Replace the city's time limits; applies to deadlines opened from now on")
            .RequireAuthorization(Permissions.ManagePolicies).RequireCityScope();
        group.MapGet("/calendar/{year:int}", GetCalendarAsync).WithName("GetWorkCalendar")
            .WithSummary("Public holidays and swapped working weekends (调休) of a year")
            .RequireAuthorization(Permissions.ReadSettings);
        group.MapPut("/calendar/{year:int}", PutCalendarAsync).WithName("PutWorkCalendar")
            .WithSummary("Load a year's holidays from the State Council notice as CSV: day,working,name (replaces that year)")
            .Accepts<string>("text/csv")
            .RequireAuthorization(Permissions.ManageSettings).RequireCityScope();
        return routes;
    }

    internal static async Task<Results<Ok<PetitionPolicy>, ValidationProblem>> GetPolicyAsync(string cityCode, PetitionsDbContext db, CancellationToken cancellationToken) =>
        Problems.CityCode(cityCode) is { } invalid
            ? invalid
            : TypedResults.Ok(await CityPolicyStore.ForCityAsync<PolicyRecord, PetitionPolicy>(db, cityCode, PetitionPolicy.Default, cancellationToken));

    internal static async Task<Results<Ok<PetitionPolicy>, ValidationProblem>> PutPolicyAsync(
        string cityCode, PetitionPolicy policy, Caller caller, PetitionsDbContext db, RulesProvider rules, IValidator<PetitionPolicy> validator, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var result = await CityPolicyStore.ReplaceAsync<PolicyRecord, PetitionPolicy>(db, cityCode, policy, validator, caller, time, cancellationToken);
        if (result.Result is Ok<PetitionPolicy>)
        {
            rules.Invalidate();
        }

        return result;
    }

    internal static async Task<Ok<CalendarYear>> GetCalendarAsync(int year, PetitionsDbContext db, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(Math.Clamp(year, 1, 9999), 1, 1), new DateOnly(Math.Clamp(year, 1, 9999), 12, 31));
        var days = await db.CalendarDays.AsNoTracking().Where(d => d.Day >= first && d.Day <= last).OrderBy(d => d.Day).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CalendarYear(year, days));
    }

    internal static async Task<Results<Ok<CalendarYear>, ValidationProblem>> PutCalendarAsync(
        int year, HttpRequest request, PetitionsDbContext db, RulesProvider rules, CancellationToken cancellationToken)
    {
        if (year is < 2000 or > 2100)
        {
            return Problems.Invalid("year", "Between 2000 and 2100.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var days = CalendarCsv.Parse(await reader.ReadToEndAsync(cancellationToken), out var errors);

        if (errors.Count > 0 || days.Count == 0 || days.Any(d => d.Day.Year != year))
        {
            return Problems.Invalid("body", errors.Count > 0 ? string.Join("; ", errors) : $"One or more lines day,working,name, every day in {year}.");
        }

        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        await KeyedEdit<CalendarDay>.SaveAsync(db, year.ToString(CultureInfo.InvariantCulture), async () =>
        {
            // Day by day through the change tracker, so the audit log shows each day removed, changed or added.
            var held = await db.CalendarDays.Where(d => d.Day >= first && d.Day <= last).ToDictionaryAsync(d => d.Day, cancellationToken);
            foreach (var day in days)
            {
                if (held.Remove(day.Day, out var old))
                {
                    db.Entry(old).CurrentValues.SetValues(day);
                }
                else
                {
                    db.CalendarDays.Add(day);
                }
            }

            db.CalendarDays.RemoveRange(held.Values);
        }, cancellationToken);
        rules.Invalidate();
        return TypedResults.Ok(new CalendarYear(year, days.OrderBy(d => d.Day).ToList()));
    }
}
