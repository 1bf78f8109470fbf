using MassWork.ServiceDefaults.Data;

namespace MassWork.UnitTests;

public sealed class PlatformPlumbingTests
{
    [Theory]
    [InlineData("HouseholdNumber", "household_number")]
    [InlineData("OutboxMessages", "outbox_messages")]
    [InlineData("IXHouseholdId", "ix_household_id")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Id", "id")]
    public void Names_become_snake_case(string name, string expected)
    {
        Assert.Equal(expected, SnakeCaseNames.ToSnakeCase(name));
    }
}
