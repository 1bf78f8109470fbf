using System.Globalization;
using MassWork.Petitions.Categories;
using MassWork.ServiceDefaults.Data;

namespace MassWork.Petitions.Deadlines;

/// <summary>
/// Adds the default categories and the public-holiday calendar (Calendar:SeedFile, the State
/// Council's yearly notices) when missing; rows an operator has changed are left as they are, and
/// a year the database already holds is the operator's (<see cref="CalendarCsv.YearsNotHeld"/>).
/// </summary>
public sealed class ReferenceDataSeeder(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReferenceDataSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PetitionsDbContext>();
        await AdvisoryLock.OneAtATimeAsync(db, "petitions-reference-data", () => AddMissingAsync(db, cancellationToken), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AddMissingAsync(PetitionsDbContext db, CancellationToken cancellationToken)
    {
        var known = await db.Categories.Select(c => c.Code).ToListAsync(cancellationToken);
        db.Categories.AddRange(DefaultCategories.All.Where(c => !known.Contains(c.Code)));

        var file = configuration["Calendar:SeedFile"];
        if (!string.IsNullOrEmpty(file))
        {
            var days = CalendarCsv.Parse(await File.ReadAllTextAsync(file, cancellationToken), out var errors);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"{file}: {string.Join("; ", errors)}");
            }

            var held = (await db.CalendarDays.Select(d => d.Day.Year).Distinct().ToListAsync(cancellationToken)).ToHashSet();
            var added = CalendarCsv.YearsNotHeld(days, held);
            db.CalendarDays.AddRange(added);
            logger.LogInformation("Calendar seed {File}: {Added} of {Total} days added", file, added.Count, days.Count);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>"day,working,name" lines: 2026-02-16,false,春节 / 2026-02-14,true,春节调休.</summary>
public static class CalendarCsv
{
    /// <summary>
    /// The seed's days of the years the database holds none of. Once a year is loaded, by the seed or
    /// by an operator's PUT, its days are the operator's: a day they removed is not put back at the
    /// next start.
    /// </summary>
    public static List<CalendarDay> YearsNotHeld(IEnumerable<CalendarDay> seed, IReadOnlySet<int> yearsHeld) =>
        [.. seed.Where(d => !yearsHeld.Contains(d.Day.Year))];

    /// <summary>The longest holiday name a day keeps (its column's width).</summary>
    public const int MaxNameLength = 40;

    public static List<CalendarDay> Parse(string text, out List<string> errors)
    {
        errors = [];
        var days = new List<CalendarDay>();
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || (i == 0 && line.StartsWith("day", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var parts = line.Split(',');
            if (parts.Length < 3
                || !DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                || !bool.TryParse(parts[1].Trim(), out var working))
            {
                errors.Add($"line {i + 1}: expected yyyy-MM-dd,true|false,name");
                continue;
            }

            var name = parts[2].Trim();
            if (name.Length > MaxNameLength || !TextRules.IsClean(name))
            {
                errors.Add($"line {i + 1}: the name is at most {MaxNameLength} characters of plain text");
                continue;
            }

            days.Add(new CalendarDay(day, working, name));
        }

        if (days.GroupBy(d => d.Day).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add($"{twice.Key:yyyy-MM-dd} appears more than once");
        }

        return days;
    }
}
