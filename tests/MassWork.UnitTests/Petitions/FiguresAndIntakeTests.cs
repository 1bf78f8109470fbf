using MassWork.Petitions.Deadlines;
using MassWork.Petitions.Figures;
using MassWork.Petitions.Intake;

namespace MassWork.UnitTests.Petitions;

public sealed class FiguresAndIntakeTests
{
    private static FigureCounts Counts(long accepted = 0, long answered = 0, long supported = 0, long explained = 0, long onTime = 0, long revisited = 0, long satisfied = 0,
        long suggestionsAccepted = 0, long adopted = 0) =>
        new(accepted + 5, accepted, 5, 0, 0, answered, supported, explained, answered - supported - explained - adopted, onTime, revisited, satisfied, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            suggestionsAccepted, suggestionsAccepted, adopted, 0);

    [Fact]
    public void The_resolution_rate_counts_supported_answers_per_accepted_matter_not_explained_ones()
    {
        var figures = PetitionFigures.Of("360702", Counts(accepted: 10, answered: 8, supported: 5, explained: 3, onTime: 6, revisited: 8, satisfied: 7));

        Assert.Equal(0.5, figures.ResolutionRate);
        Assert.Equal(0.75, figures.OnTimeRate);
        Assert.Equal(0.875, figures.SatisfactionRate);
    }

    [Fact]
    public void Suggestions_stay_out_of_the_resolution_rate_and_have_their_adoption_rate()
    {
        // 10 accepted matters, 4 of them suggestions (3 adopted); 3 of the 6 problems supported.
        var figures = PetitionFigures.Of("360702", Counts(accepted: 10, answered: 9, supported: 3, explained: 1, suggestionsAccepted: 4, adopted: 3));

        Assert.Equal(0.5, figures.ResolutionRate);
        Assert.Equal(0.75, figures.AdoptionRate);
    }

    [Fact]
    public void A_rate_without_a_base_is_null_not_zero()
    {
        var figures = PetitionFigures.Of("360702", Counts());

        Assert.Null(figures.ResolutionRate);
        Assert.Null(figures.AdoptionRate);
        Assert.Null(figures.OnTimeRate);
        Assert.Null(figures.SatisfactionRate);
    }

    [Fact]
    public void The_holiday_file_parses_and_reports_bad_lines_by_number()
    {
        var days = CalendarCsv.Parse("day,working,name\n# 2026\n2026-02-16,false,春节\n2026-02-14,true,春节调休\n", out var errors);
        Assert.Empty(errors);
        Assert.Equal(2, days.Count);
        Assert.True(days[1].Working);

        CalendarCsv.Parse("day,working,name\n2026-02-30,false,x\n2026-03-01,maybe,y\n", out errors);
        Assert.Equal(["line 2: expected yyyy-MM-dd,true|false,name", "line 3: expected yyyy-MM-dd,true|false,name"], errors);

        CalendarCsv.Parse("2026-02-16,false,a\n2026-02-16,true,b\n", out errors);
        Assert.Contains("2026-02-16 appears more than once", errors);
    }

    [Fact]
    public void The_holiday_seed_fills_only_years_the_database_holds_none_of_so_a_day_an_operator_removed_stays_removed()
    {
        var seed = CalendarCsv.Parse("2026-01-01,false,元旦\n2026-02-16,false,春节\n2027-01-01,false,元旦\n", out _);

        Assert.Equal([new DateOnly(2027, 1, 1)], CalendarCsv.YearsNotHeld(seed, new HashSet<int> { 2026 }).Select(d => d.Day));
        Assert.Equal(3, CalendarCsv.YearsNotHeld(seed, new HashSet<int>()).Count);
    }

    [Fact]
    public void The_repository_holiday_file_is_valid_and_holds_the_2026_spring_festival()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "deploy", "data", "holidays-cn.csv");
        var days = CalendarCsv.Parse(File.ReadAllText(file), out var errors);

        Assert.Empty(errors);
        var calendar = new WorkCalendar(days);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 2, 17)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 8)));
    }

    private static Dictionary<string, string[]> IntakeErrors(IntakeRequest request) =>
        new IntakeValidator().Validate(request, PetitionPolicy.Default with { MaxRepresentatives = 5 }).ToErrors();

    [Fact]
    public void An_intake_names_every_bad_field()
    {
        var errors = IntakeErrors(
            new IntakeRequest("Fax", "Request", " ", "", RegionCode: "36", Petitioner: new PetitionerInput(null, "12345"), Representatives: 9,
                Attachments: [new AttachmentInput("a.jpg", "image/jpeg", -1, null), null!]));

        Assert.Equal(["attachments[0].sizeBytes", "attachments[1]", "categoryCode", "channel", "content", "petitioner.name", "petitioner.phone", "regionCode", "representatives"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Between 1 and 5: a group visit sends at most 5 representatives (信访工作条例)."], errors["representatives"]);
    }

    [Fact]
    public void A_proxy_needs_its_mandate_and_a_suggestion_may_be_anonymous()
    {
        var proxy = new IntakeRequest("Proxy", "Request", "medical", "代为反映", RegionCode: "360702003201", Petitioner: new PetitionerInput("王", null));
        Assert.Equal(["mandateReference"], IntakeErrors(proxy).Keys);

        var suggestion = new IntakeRequest("SuggestionBox", "Suggestion", "sanitation", " 建议增设垃圾桶 ", RegionCode: "360702003201");
        Assert.Empty(IntakeErrors(suggestion));
        var anonymous = IntakeValidator.Checked(suggestion);
        Assert.Null(anonymous.PetitionerName);
        Assert.Equal("建议增设垃圾桶", anonymous.Content);
    }

    [Fact]
    public void Numeric_enum_values_are_not_accepted_as_names() =>
        Assert.Equal(["channel", "matterType"],
            IntakeErrors(new IntakeRequest("3", "1", "medical", "x", RegionCode: "360702003201", Petitioner: new PetitionerInput("王", null))).Keys.Order(StringComparer.Ordinal));
}
