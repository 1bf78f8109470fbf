using MassWork.Personnel.Pairings;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.UnitTests.Personnel;

public sealed class AssignmentProposalTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private static AssignmentProposal Proposal(int items) => new()
    {
        Id = Guid.NewGuid(), RegionCode = "360731105201", CreatedBy = "town-clerk", CreatedAt = At,
        Items = [.. Enumerable.Range(0, items).Select(_ => new ProposedPairing(Guid.NewGuid(), Guid.NewGuid(), PairingKind.Resident))],
    };

    [Fact]
    public void A_new_proposal_awaits_its_decision()
    {
        var proposal = Proposal(3);
        Assert.Equal(ProposalStatus.Proposed, proposal.Status);
        Assert.Null(proposal.DecidedAt);
    }

    [Fact]
    public void Applying_counts_the_items_overtaken_since_the_review_as_skipped()
    {
        var proposal = Proposal(5);
        proposal.Apply("town-clerk", At.AddHours(1), inserted: 3);

        Assert.Equal(ProposalStatus.Applied, proposal.Status);
        Assert.Equal((3, 2), (proposal.Applied, proposal.Skipped));
        Assert.Equal(("town-clerk", At.AddHours(1)), (proposal.DecidedBy, proposal.DecidedAt));
    }

    [Fact]
    public void Discarding_records_who_and_when_and_applies_nothing()
    {
        var proposal = Proposal(2);
        proposal.Discard("town-head", At.AddHours(2));

        Assert.Equal(ProposalStatus.Discarded, proposal.Status);
        Assert.Equal((0, 0), (proposal.Applied, proposal.Skipped));
        Assert.Equal("town-head", proposal.DecidedBy);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void A_decided_proposal_is_decided_once(bool appliedFirst, bool applyAgain)
    {
        var proposal = Proposal(2);
        if (appliedFirst)
        {
            proposal.Apply("a", At, 2);
        }
        else
        {
            proposal.Discard("a", At);
        }

        var refused = Assert.Throws<DomainException>(() =>
        {
            if (applyAgain)
            {
                proposal.Apply("b", At.AddMinutes(1), 0);
            }
            else
            {
                proposal.Discard("b", At.AddMinutes(1));
            }
        });
        Assert.Equal(DomainProblem.Conflict, refused.Problem);
        Assert.Equal(("a", At), (proposal.DecidedBy, proposal.DecidedAt));
        Assert.Equal(appliedFirst ? ProposalStatus.Applied : ProposalStatus.Discarded, proposal.Status);
    }
}
