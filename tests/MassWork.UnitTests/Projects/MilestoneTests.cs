using MassWork.ServiceDefaults.Errors;
using MassWork.Projects;
using MassWork.Projects.Figures;
using MassWork.Projects.Funding;
using MassWork.Projects.Milestones;
using MassWork.Projects.Projects;

namespace MassWork.UnitTests.Projects;

public sealed class MilestoneTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Due = new(2026, 9, 30);

    private static Project Approved()
    {
        var p = ProjectStageTests.Proposed();
        p.PlanFunding([new FundingLine(FundingSource.CityFund, 3_000_000, 0, 0, null)], [], "town-clerk", T0);
        p.Approve("town-clerk", new HashSet<string> { Roles.TownStaff }, "360731105", T0.AddDays(1));
        return p;
    }

    [Theory]
    [InlineData(new[] { 1 }, new[] { 0 }, 0)]
    [InlineData(new[] { 1, 1 }, new[] { 100, 0 }, 50)]
    [InlineData(new[] { 3, 1 }, new[] { 100, 0 }, 75)]
    [InlineData(new[] { 1, 2 }, new[] { 100, 0 }, 33)]
    [InlineData(new[] { 1, 2 }, new[] { 0, 100 }, 66)]
    [InlineData(new[] { 1, 1, 1 }, new[] { 100, 100, 99 }, 99)]
    [InlineData(new[] { 1000, 1000 }, new[] { 100, 100 }, 100)]
    public void A_projects_progress_is_the_weighted_mean_of_its_milestones_rounded_down(int[] weights, int[] percents, int expected) =>
        Assert.Equal(expected, Progress.Of(weights.Zip(percents)));

    [Fact]
    public void Without_milestones_there_is_no_progress_and_a_region_without_projects_has_none()
    {
        Assert.Null(Progress.Of([]));
        Assert.Null(Progress.RollUp(0, 0));
        Assert.Equal(33, Progress.RollUp(100, 3));
        Assert.Equal(100, Progress.RollUp(200, 2));
    }

    [Fact]
    public void Milestones_are_added_and_progressed_while_approved_or_under_way_with_every_update_kept()
    {
        var p = Approved();
        var road = p.AddMilestone("路基", 1, Due, "town-clerk", T0.AddDays(2));
        var surface = p.AddMilestone("路面硬化", 3, Due.AddDays(30), "town-clerk", T0.AddDays(2));
        Assert.Equal(0, p.ProgressPercent);
        p.Start("town-clerk", T0.AddDays(3));
        p.RecordProgress(road.Id, 40, null, "town-clerk", T0.AddDays(10));
        p.RecordProgress(road.Id, 100, "路基完工", "town-clerk", T0.AddDays(20));
        p.RecordProgress(surface.Id, 50, null, "town-clerk", T0.AddDays(25));

        Assert.Equal(62, p.ProgressPercent);
        Assert.Equal([40, 100], road.Updates.Select(u => u.Percent));
        Assert.Equal(("town-clerk", "路基完工"), (road.Updates[1].UpdatedBy, road.Updates[1].Note));
        Assert.Equal(ProjectStage.UnderWay, p.Stage);
        Assert.Equal(["AddMilestone", "AddMilestone", "Start", "RecordProgress", "RecordProgress", "RecordProgress"], p.Steps.Select(s => s.Action).Skip(3));
    }

    [Fact]
    public void A_proposed_or_accepted_project_takes_no_milestones_nor_progress()
    {
        Assert.Throws<ProjectTransitionException>(() => ProjectStageTests.Proposed().AddMilestone("路基", 1, Due, "town-clerk", T0));
        var p = Approved();
        var m = p.AddMilestone("路基", 1, Due, "town-clerk", T0.AddDays(2));
        p.Start("town-clerk", T0.AddDays(3));
        p.Accept("town-clerk", [], T0.AddDays(30));

        Assert.Throws<ProjectTransitionException>(() => p.RecordProgress(m.Id, 100, null, "town-clerk", T0.AddDays(31)));
        Assert.Throws<ProjectTransitionException>(() => p.AddMilestone("路面", 1, Due, "town-clerk", T0.AddDays(31)));
        Assert.Empty(m.Updates);
    }

    [Fact]
    public void A_milestone_name_twice_or_an_unknown_milestone_is_refused()
    {
        var p = Approved();
        p.AddMilestone("路基", 1, Due, "town-clerk", T0.AddDays(2));
        Assert.Equal("name", Assert.Throws<DomainException>(() => p.AddMilestone("路基", 2, Due, "town-clerk", T0.AddDays(2))).Field);
        Assert.Throws<MilestoneNotFoundException>(() => p.RecordProgress(Guid.NewGuid(), 10, null, "town-clerk", T0.AddDays(3)));
    }

    [Fact]
    public void Bad_milestones_and_progress_updates_name_each_field()
    {
        var milestones = new MilestoneValidator();
        var progress = new ProgressValidator();
        Assert.Equal(["dueDate", "name", "weight"], milestones.Validate(new MilestoneRequest(" ", 0, null)).ToErrors().Keys.Order());

        Assert.Equal(["name", "weight"],
            milestones.Validate(new MilestoneRequest(new string('路', 101), MilestoneValidator.MaxWeight + 1, Due)).ToErrors().Keys.Order());

        Assert.Equal(["note", "percent"], progress.Validate(new ProgressRequest(101, new string('好', 501))).ToErrors().Keys.Order());

        Assert.Equal(["percent"], progress.Validate(new ProgressRequest(null)).ToErrors().Keys);

        var named = new MilestoneRequest(" 路面硬化 ", 3, Due);
        var blankNote = new ProgressRequest(0, " ");
        Assert.True(milestones.Validate(named).IsValid && progress.Validate(blankNote).IsValid);
        Assert.Equal(("路面硬化", 3, Due), MilestoneValidator.Checked(named));
        Assert.Equal((0, null), ProgressValidator.Checked(blankNote));
    }
}

public sealed class ProjectFigureRuleTests
{
    /// <summary>What PostgreSQL's width_bucket(cost, thresholds) answers for ascending thresholds.</summary>
    private static int WidthBucket(long cost, long[] thresholds) => thresholds.Count(t => cost >= t);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(5_000_000, 0)]
    [InlineData(5_000_001, 1)]
    [InlineData(50_000_000, 1)]
    [InlineData(50_000_001, 2)]
    [InlineData(1_000_000_000_000, 2)]
    public void Sizes_have_inclusive_upper_bounds_and_the_sql_thresholds_agree(long cost, int bucket)
    {
        var buckets = SizeBuckets.From(new ProjectsOptions());
        Assert.Equal(bucket, buckets.Of(cost));
        Assert.Equal(bucket, WidthBucket(cost, buckets.Thresholds));
    }

    [Fact]
    public void Bucket_names_follow_the_bounds()
    {
        Assert.Equal(["5万元以内", "5万元–50万元", "50万元以上"], SizeBuckets.From(new ProjectsOptions()).Labels);
        Assert.Equal(["3000元以内", "3000元–15000元", "15000元以上"], new SizeBuckets(300_000, 1_500_000).Labels);
        Assert.Equal("12.50元", SizeBuckets.Yuan(1_250));
    }

    [Fact]
    public void The_options_refuse_a_medium_bound_not_above_the_small_one()
    {
        var options = new ProjectsOptions { SmallUpToFen = 5_000_000, MediumUpToFen = 5_000_000 };
        Assert.Single(options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
        Assert.Empty(new ProjectsOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)));
    }

    [Fact]
    public void The_on_time_rate_is_a_whole_percent_rounded_down_and_none_without_due_dates()
    {
        Assert.Null(new FigureCounts(3, 0, 2, 0, 0, 0, 0).OnTimePercent);
        Assert.Equal(66, new FigureCounts(5, 0, 4, 3, 2, 0, 0).OnTimePercent);
        Assert.Equal(100, new FigureCounts(1, 0, 1, 1, 1, 0, 0).OnTimePercent);
    }
}
