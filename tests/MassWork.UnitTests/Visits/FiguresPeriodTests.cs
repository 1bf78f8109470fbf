using MassWork.ServiceDefaults.Errors;
using MassWork.Visits.Figures;

namespace MassWork.UnitTests.Visits;

public sealed class FiguresPeriodTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Theory]
    [InlineData(2026, null, null, "2026", "2026-01-01", "2026-12-31")]
    [InlineData(2026, 4, null, "2026Q4", "2026-10-01", "2026-12-31")]
    [InlineData(2025, 1, null, "2025Q1", "2025-01-01", "2025-03-31")]
    [InlineData(2026, null, 2, "2026-02", "2026-02-01", "2026-02-28")]
    [InlineData(2024, null, 2, "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData(null, null, 12, "2026-12", "2026-12-01", "2026-12-31")]
    public void A_year_quarter_or_month_is_its_Asia_Shanghai_days(int? year, int? quarter, int? month, string name, string first, string last)
    {
        var period = FiguresPeriod.Of(year, quarter, month, Today);
        Assert.Equal((name, DateOnly.Parse(first), DateOnly.Parse(last)), (period.Name, period.FirstDay, period.LastDay));
    }

    [Theory]
    [InlineData(2027, null, null, "year")]
    [InlineData(1999, null, null, "year")]
    [InlineData(2026, 4, 11, "month")]
    [InlineData(2026, 5, null, "quarter")]
    [InlineData(2026, null, 13, "month")]
    [InlineData(2026, null, 0, "month")]
    public void A_period_out_of_range_or_named_twice_is_refused_by_field(int? year, int? quarter, int? month, string field)
    {
        var refused = Assert.ThrowsAny<DomainException>(() => FiguresPeriod.Of(year, quarter, month, Today));
        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void A_period_not_yet_begun_is_refused()
    {
        Assert.Equal("quarter", Assert.ThrowsAny<DomainException>(() => FiguresPeriod.Of(2026, 4, null, new DateOnly(2026, 9, 30))).Field);
        Assert.Equal("month", Assert.ThrowsAny<DomainException>(() => FiguresPeriod.Of(2026, null, 12, new DateOnly(2026, 11, 30))).Field);
    }
}
