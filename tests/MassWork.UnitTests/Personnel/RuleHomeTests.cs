using System.Security.Cryptography;
using MassWork.Personnel.Households;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.Teams;
using MassWork.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace MassWork.UnitTests.Personnel;

/// <summary>Rules the SQL paths take their values from, and the one builder of household events.</summary>
public sealed class RuleHomeTests
{
    [Theory]
    [InlineData(TeamRole.Leader, PairingKind.Resident)]
    [InlineData(TeamRole.Resident, PairingKind.Resident)]
    [InlineData(TeamRole.FullCoverage, PairingKind.FullCoverage)]
    [InlineData(null, PairingKind.FullCoverage)]
    public void A_team_role_decides_the_pairing_kind(TeamRole? role, PairingKind kind) =>
        Assert.Equal(kind, TeamRoles.PairingKindFor(role));

    [Fact]
    public void Household_events_list_the_head_first_then_members_by_name_in_ordinal_order()
    {
        var protector = new PersonalDataProtector(Options.Create(new PersonalDataOptions
        {
            EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            HashKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));
        var facts = new HouseholdEvents.Facts(Guid.NewGuid(), "A1", "360702003201", "刘桂英", DateTimeOffset.UnixEpoch, "一组", "Active", [], null, null);
        HouseholdEvents.MemberRow[] rows =
        [
            new(Guid.NewGuid(), "刘小明", "子", false, protector.Encrypt("13800000002")),
            new(Guid.NewGuid(), "Zhang", "女婿", false, null),
            new(Guid.NewGuid(), "刘桂英", "户主", true, protector.Encrypt("13800000001")),
            new(Guid.NewGuid(), "刘奶奶", "母亲", false, null),
        ];

        var updated = HouseholdEvents.Updated(facts, rows, protector, "Imported");

        Assert.Equal(["刘桂英", "Zhang", "刘奶奶", "刘小明"], updated.Members.Select(m => m.Name));
        Assert.Equal("13800000001", updated.Members[0].Phone);
    }
}
