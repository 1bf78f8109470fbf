using System.Text.Json;
using MassWork.Personnel.Pairings;
using MassWork.Petitions.Cases;
using MassWork.Petitions.Deadlines;
using MassWork.Petitions.Open311;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.UnitTests;

/// <summary>
/// Values of the right type that would fail deep inside (an OFFSET that wraps negative, a date no
/// instant holds, text longer than its column): each is refused at the edge, naming its field.
/// </summary>
public sealed class RequestLimitTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web) { Converters = { new DateOnlyRangeConverter(), new DateTimeOffsetRangeConverter() } };

    private sealed record Period(DateOnly? From, DateTimeOffset? At);

    [Theory]
    [InlineData("2026-12-01T08:30:00+08:00", true)]
    [InlineData("2026-12-01T00:30:00Z", true)]
    [InlineData("2026-12-01 08:30:00-05:00", true)]
    [InlineData("2026-12-01T08:30:00", false)]
    [InlineData("2026-12-01", false)]
    [InlineData("2026-12-01 08:30:00 08:00", false)]
    public void An_instant_says_its_offset_after_its_time_not_in_its_date(string text, bool hasOffset)
    {
        Assert.Equal(hasOffset, DateRules.HasOffset(text));
    }

    [Fact]
    public void Every_instant_a_response_shows_is_in_Shanghai_time()
    {
        var json = JsonSerializer.Serialize(new Period(null, new DateTimeOffset(2026, 12, 1, 23, 30, 0, TimeSpan.Zero)), Json);

        Assert.Contains("\"at\":\"2026-12-02T07:30:00+08:00\"", json);
    }

    [Fact]
    public void A_page_is_refused_once_the_rows_it_skips_no_longer_fit_an_int()
    {
        Assert.Null(Problems.Paging(int.MaxValue / 500 + 1, 500));
        Assert.True(Problems.Paging(int.MaxValue / 500 + 2, 500)!.ProblemDetails.Errors.ContainsKey("page"));
        Assert.True(Problems.Paging(int.MaxValue, 50)!.ProblemDetails.Errors.ContainsKey("page"));
        Assert.Null(Problems.Paging(int.MaxValue, 1));
    }

    [Theory]
    [InlineData("""{"from":"0001-01-01"}""")]
    [InlineData("""{"from":"9999-12-31"}""")]
    [InlineData("""{"at":"0001-01-01T00:00:00Z"}""")]
    [InlineData("""{"at":"9999-12-31T23:59:59Z"}""")]
    public void A_body_date_outside_1900_to_2199_fails_binding(string body)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Period>(body, Json));
        Assert.Contains("1900-01-01 to 2199-12-31", error.Message);
    }

    [Theory]
    [InlineData("""{"at":"2026-12-01T20:30:00"}""")]
    [InlineData("""{"at":"2026-12-01"}""")]
    [InlineData("""{"at":"2026-12-01T20:30"}""")]
    public void An_instant_without_its_offset_fails_binding_instead_of_taking_the_servers_zone(string body)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Period>(body, Json));
        Assert.Contains("offset", error.Message);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero), JsonSerializer.Deserialize<Period>("""{"at":"2026-12-01T12:30:00Z"}""", Json)!.At);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero), JsonSerializer.Deserialize<Period>("""{"at":"2026-12-01T20:30:00+08:00"}""", Json)!.At);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.Zero), JsonSerializer.Deserialize<Period>("""{"at":"2026-12-01T07:30:00-05:00"}""", Json)!.At);
    }

    [Fact]
    public void Body_dates_inside_the_range_read_as_written()
    {
        var period = JsonSerializer.Deserialize<Period>("""{"from":"2026-02-16","at":"2026-02-16T08:30:00+08:00"}""", Json)!;

        Assert.Equal((new DateOnly(2026, 2, 16), new DateTimeOffset(2026, 2, 16, 0, 30, 0, TimeSpan.Zero)), (period.From, period.At));
        Assert.Equal("""{"from":"2026-02-16","at":"2026-02-16T08:30:00+08:00"}""", JsonSerializer.Serialize(period, Json));
    }

    [Fact]
    public void Texts_that_would_overrun_their_column_are_refused_by_field()
    {
        Assert.Contains("note", new AssignValidator().Validate(new AssignRequest("Region", "360702003000", null, new string('记', 501))).ToErrors().Keys);
        Assert.Contains("mediator", new MediationValidator().Validate(new MediationRequest("Investigated", null, null, ["甲", "乙"], new string('调', 51))).ToErrors().Keys);
        Assert.Contains("name", new Open311ClientValidator().Validate(new Open311ClientRequest(new string('a', 93), "3607")).ToErrors().Keys);
        Assert.True(new Open311ClientValidator().Validate(new Open311ClientRequest(new string('a', 92), "3607")).IsValid);

        CalendarCsv.Parse($"2026-02-16,false,{new string('春', 41)}\n2026-02-17,false,春\u0000节\n", out var errors);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void A_pairing_ended_for_a_long_composed_reason_keeps_as_much_as_its_column_holds()
    {
        var pairing = new Pairing { VillageCode = "360702003201", StartedBy = "town-clerk" };
        pairing.End(DateTimeOffset.UnixEpoch, "town-clerk", "干部退出：" + new string('调', 200));

        Assert.Equal(Pairing.MaxEndReasonLength, pairing.EndReason!.Length);
        Assert.StartsWith("干部退出：调", pairing.EndReason);
    }
}
