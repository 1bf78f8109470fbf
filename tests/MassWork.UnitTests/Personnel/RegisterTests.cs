using MassWork.Notifications.Recipients;
using MassWork.Personnel.Cadres;
using MassWork.Personnel.Pairings;
using MassWork.Personnel.People;
using MassWork.Personnel.Registers;
using MassWork.Personnel.Teams;

namespace MassWork.UnitTests.Personnel;

public sealed class RegisterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly CadreDetails Details = new("钟永华", CadreRank.General, "科员", null, "360702001000", null, "u-1");

    private static SensitiveValue Phone(string masked, byte hash) => new([hash], [hash], masked);

    [Fact]
    public void An_edit_records_only_the_fields_that_changed_and_a_phone_only_masked()
    {
        var cadre = Cadre.Register(Details, Phone("139****0001", 1), T0);

        var changes = cadre.Edit(Details with { Rank = CadreRank.SectionLevel }, PhoneEdit.Set(Phone("139****0002", 2)));

        Assert.Equal([new FieldChange("rank", "General", "SectionLevel"), new FieldChange("phone", "139****0001", "139****0002")], changes);
        Assert.Equal("139****0002", cadre.PhoneMasked);
    }

    [Fact]
    public void Keeping_the_phone_keeps_it_the_same_number_is_no_change_and_an_empty_one_clears_it()
    {
        var cadre = Cadre.Register(Details, Phone("139****0001", 1), T0);

        Assert.Empty(cadre.Edit(Details, PhoneEdit.Keep));
        Assert.Empty(cadre.Edit(Details, PhoneEdit.Set(Phone("139****0001", 1))));
        Assert.Equal([new FieldChange("phone", "139****0001", null)], cadre.Edit(Details, PhoneEdit.Set(null)));
        Assert.Null(cadre.PhoneCipher);
    }

    [Fact]
    public void A_cadre_entry_names_every_bad_field_and_comes_back_trimmed_with_its_phone_normalised()
    {
        var validator = new CadreValidator();
        var errors = validator.Validate(new CadreRequest(" ", "12345", "1", new string('x', 51), null, "3607", null, null)).ToErrors();

        Assert.Equal(["name", "phone", "position", "rank", "regionCode"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required, at most 50 characters."], errors["name"]);

        var request = new CadreRequest(" 钟永华 ", "+86 139 0000 0001", "general", " ", null, " 360702001000 ", null, " u-1 ");
        Assert.True(validator.Validate(request).IsValid);
        var (details, phone) = CadreValidator.Checked(request);
        Assert.Equal(Details with { Position = null }, details);
        Assert.Equal("13900000001", phone);
        Assert.Null(CadreValidator.Checked(request with { Phone = "" }).Phone);
    }

    [Fact]
    public void A_retired_cadre_is_neither_edited_nor_retired_again()
    {
        var cadre = Cadre.Register(Details, null, T0);
        cadre.Retire("退休", T0.AddDays(1));

        Assert.Throws<RegisterStateException>(() => cadre.Edit(Details with { Position = "队员" }, PhoneEdit.Keep));
        Assert.Throws<RegisterStateException>(() => cadre.Retire("调离", T0.AddDays(2)));
        Assert.Equal(("退休", T0.AddDays(1)), (cadre.RetireReason, cadre.RetiredAt));
    }

    [Fact]
    public void A_unit_still_sending_teams_is_not_retired()
    {
        var unit = new DispatchingUnit { Id = Guid.NewGuid(), Name = "赣州市交通局", RegionCode = "360700000000" };

        Assert.Throws<RegisterStateException>(() => unit.Retire("撤并", activeTeams: 1, T0));
        unit.Retire("撤并", activeTeams: 0, T0);
        Assert.True(unit.IsRetired);
        Assert.Throws<RegisterStateException>(() => unit.Rename("新名"));
    }

    [Fact]
    public void Ending_the_work_leaves_the_team_and_ends_only_active_pairings_with_the_reason()
    {
        var membership = new TeamMembership { Id = Guid.NewGuid(), CadreId = Guid.NewGuid(), Role = TeamRole.Resident };
        var active = new Pairing { Id = Guid.NewGuid(), CadreId = membership.CadreId, HouseholdId = Guid.NewGuid(), VillageCode = "360702001201", StartedBy = "x" };
        var earlier = new Pairing { Id = Guid.NewGuid(), CadreId = membership.CadreId, HouseholdId = Guid.NewGuid(), VillageCode = "360702001201", StartedBy = "x" };
        earlier.End(T0.AddDays(-5), "x", "户迁出");

        var ended = WorkEnding.End([membership], [active, earlier], "staff", "干部退出：退休", T0);

        Assert.Equal(T0, membership.LeftAt);
        var e = Assert.Single(ended);
        Assert.Equal((active.Id, "干部退出：退休", T0), (e.PairingId, e.Reason, e.EndedAt));
        Assert.Equal("户迁出", earlier.EndReason);
    }

    [Fact]
    public void A_cadre_contact_ignores_an_older_entry_arriving_late_and_stays_silent_once_retired()
    {
        var contact = new CadreContact { CadreId = Guid.NewGuid(), Name = "钟永华", RegionCode = "360702001000" };
        contact.Apply("钟永华", "360702001000", "u-2", [2], T0.AddHours(2));
        contact.Apply("钟永华", "360702001000", "u-1", [1], T0);
        Assert.Equal("u-2", contact.UserId);

        contact.Retire(T0.AddHours(3));
        contact.Apply("钟永华", "360702001000", "u-3", [3], T0.AddHours(4));

        Assert.Equal((true, null, null), (contact.Retired, contact.UserId, contact.PhoneCipher));
    }
}
