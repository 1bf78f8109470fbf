using MassWork.Notifications.Broadcasts;
using MassWork.Notifications.Templates;

namespace MassWork.UnitTests.Notifications;

public sealed class TemplateAndBroadcastValidatorTests
{
    private static readonly TemplateRequest Template = new("结对联户通知", "【赣州群众工作】", "${name}您好，您的联户干部是${cadre}。", "Broadcast", null, null);

    private static readonly BroadcastRequest Broadcast = new("360702", ["低保户"], null, "policy-broadcast", null);

    [Fact]
    public void A_template_names_each_bad_field_and_its_route_code()
    {
        var errors = new TemplateValidator().Validate(new TemplateRequest(" ", "【赣】", "您好${name", "3", null, null))
            .Also("code", TemplateValidator.CodeProblem("Policy_Broadcast")).ToErrors();

        Assert.Equal(["code", "kind", "name", "signature", "text"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["2–40 lower-case letters, digits or '-'."], errors["code"]);
        Assert.Equal(["Required, at most 60 characters."], errors["name"]);
        Assert.Equal(["The approved signature, 2 to 12 characters, without 【】."], errors["signature"]);
        Assert.Equal(["Variables are written ${name}: a letter, then letters, digits or '_'."], errors["text"]);
        Assert.Equal(["Service or Broadcast."], errors["kind"]);
    }

    [Fact]
    public void Signature_and_text_together_fit_the_carriers_limit()
    {
        var errors = new TemplateValidator().Validate(Template with { Text = new string('村', SmsSegments.MaxLength - 7) }).ToErrors();

        Assert.Equal(["Signature and text may be at most 500 characters."], errors["text"]);
        Assert.True(new TemplateValidator().Validate(Template with { Text = new string('村', SmsSegments.MaxLength - 8) }).IsValid);
    }

    [Fact]
    public void A_template_is_stored_with_its_signature_bare_and_its_kind_parsed()
    {
        Assert.True(new TemplateValidator().Validate(Template with { Kind = null }).IsValid);
        Assert.Equal("赣州群众工作", TemplateValidator.Signature(" 【赣州群众工作】 "));
        Assert.Equal(TemplateKind.Service, TemplateValidator.Kind(null));
        Assert.Equal(TemplateKind.Broadcast, TemplateValidator.Kind("broadcast"));
    }

    [Fact]
    public void A_template_name_is_measured_as_stored_trimmed()
    {
        Assert.True(new TemplateValidator().Validate(Template with { Name = $" {new string('名', 60)} " }).IsValid);
        Assert.False(new TemplateValidator().Validate(Template with { Name = new string('名', 61) }).IsValid);
    }

    [Fact]
    public void A_broadcast_names_each_bad_field()
    {
        var errors = new BroadcastValidator().Validate(
            new BroadcastRequest("36070", [.. Enumerable.Range(0, 21).Select(i => $"标签{i}")], "heads", null, null)).ToErrors();

        Assert.Equal(["audience", "regionPrefix", "tags"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["A division code prefix of 2, 4, 6, 9 or 12 digits."], errors["regionPrefix"]);
        Assert.Equal(["At most 20 tags of at most 20 characters."], errors["tags"]);
        Assert.Equal(["Heads (户主) or AllMembers (every member with a phone)."], errors["audience"]);
    }

    [Fact]
    public void A_null_tag_is_refused_by_its_index()
    {
        var errors = new BroadcastValidator().Validate(Broadcast with { Tags = ["低保户", null!] }).ToErrors();

        Assert.Equal(["tags[1]"], errors.Keys);
        Assert.Equal(["Required: an element, not null."], errors["tags[1]"]);
    }

    [Fact]
    public void A_broadcast_goes_to_its_trimmed_region_and_distinct_tags_heads_by_default()
    {
        var request = Broadcast with { RegionPrefix = " 360702 ", Tags = [" 低保户 ", "低保户", " "] };

        Assert.True(new BroadcastValidator().Validate(request).IsValid);
        var (prefix, tags, heads) = BroadcastValidator.Checked(request);
        Assert.Equal("360702", prefix);
        Assert.Equal(["低保户"], tags);
        Assert.True(heads);
        Assert.False(BroadcastValidator.Checked(request with { Audience = "AllMembers" }).Heads);
    }
}
