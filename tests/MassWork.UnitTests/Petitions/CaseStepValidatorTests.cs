using MassWork.Petitions.Cases;

namespace MassWork.UnitTests.Petitions;

public sealed class CaseStepValidatorTests
{
    [Fact]
    public void An_assignment_to_an_office_names_it_by_its_12_digit_code_and_a_department_by_its_own()
    {
        var validator = new AssignValidator();

        Assert.Empty(validator.Validate(new AssignRequest("Region", "360702003201", "沙石镇", null)).ToErrors());
        Assert.Empty(validator.Validate(new AssignRequest("department", "360702-RSJ", null, null)).ToErrors());
        Assert.Equal(["code"], validator.Validate(new AssignRequest("Region", "360702-RSJ", null, null)).ToErrors().Keys);
        Assert.Equal(["code", "kind"], validator.Validate(new AssignRequest("1", " ", null, null)).ToErrors().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Investigated", null, new[] { "张三" }, null, null, "parties")]
    [InlineData("Mediated", null, new[] { "张三", "李四" }, null, null, "mediator")]
    [InlineData("Settled", null, new[] { "张三", "李四" }, null, "双方同意", "level")]
    [InlineData("Settled", "Village", new[] { "张三", "李四" }, null, null, "agreement")]
    [InlineData("Settled", "County", new[] { "张三", "李四" }, null, "双方同意", "level")]
    [InlineData("Closed", null, null, null, null, "step")]
    public void Each_mediation_step_asks_for_what_it_records(string step, string? level, string[]? parties, string? mediator, string? agreement, string field) =>
        Assert.Equal([field], new MediationValidator().Validate(new MediationRequest(step, level, null, parties, mediator, agreement)).ToErrors().Keys);

    [Fact]
    public void A_settled_dispute_with_its_level_parties_and_agreement_is_recorded() =>
        Assert.Empty(new MediationValidator().Validate(new MediationRequest("Settled", "Village", "调解成功", [" 张三", "李四", "张三"], null, "双方同意")).ToErrors());

    [Fact]
    public void Ownership_names_every_missing_part_of_the_five_fixes_at_once() =>
        Assert.Equal(["handlerName", "handlerUserId", "leadLeader", "resolutionDeadline", "responsibleOffice", "revisitTarget"],
            new OwnershipValidator().Validate(new OwnershipRequest(null, "", " ", null, null, null)).ToErrors().Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void A_review_request_may_give_longer_reasons_than_a_clerk_gives_for_a_step()
    {
        var reasons = new string('理', 800);

        Assert.Empty(new ReviewValidator().Validate(new ReviewRequest(reasons)).ToErrors());
        Assert.Equal(["Required, at most 500 characters."], new ReasonValidator().Validate(new ReasonRequest(reasons)).ToErrors()["reason"]);
    }
}
