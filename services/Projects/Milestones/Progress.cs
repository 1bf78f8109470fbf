namespace MassWork.Projects.Milestones;

/// <summary>
/// How progress adds up, stated once. A project's progress is the mean of its milestones' percents
/// weighted by their weights, rounded down to a whole percent, so it reads 100 only when every
/// milestone is done; without milestones it has none. A region's progress weighs each project with
/// progress equally (a small well counts as much as a road on the village board), rounded down the
/// same way. <see cref="ProgressQuery"/> runs the same integer division in SQL.
/// </summary>
public static class Progress
{
    public static int? Of(IEnumerable<(int Weight, int Percent)> milestones)
    {
        long weights = 0, weighted = 0;
        foreach (var (weight, percent) in milestones)
        {
            weights += weight;
            weighted += (long)weight * percent;
        }

        return weights == 0 ? null : (int)(weighted / weights);
    }

    /// <summary>The region's progress from the sum of its projects' percents and their number.</summary>
    public static int? RollUp(long sumOfPercents, long projects) => projects == 0 ? null : (int)(sumOfPercents / projects);
}
