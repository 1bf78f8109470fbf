using MassWork.ServiceDefaults.Errors;
namespace MassWork.Projects.Milestones;

/// <summary>
/// A stage of the works (e.g. 路基, 路面硬化), weighed against the project's other milestones, with
/// its progress in percent. Every progress update is kept with who and when.
/// </summary>
public sealed class Milestone
{
    public Guid Id { get; init; }

    public Guid ProjectId { get; init; }

    public required string Name { get; init; }

    /// <summary>A positive integer: the milestone's share of the works against the others.</summary>
    public int Weight { get; init; }

    /// <summary>The day it should be done, a calendar date in Asia/Shanghai.</summary>
    public DateOnly DueDate { get; init; }

    /// <summary>0 to 100; the latest update.</summary>
    public int ProgressPercent { get; private set; }

    public DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public List<MilestoneUpdate> Updates { get; private set; } = [];

    public void Record(int percent, string? note, string actor, DateTimeOffset now)
    {
        if (percent is < 0 or > 100)
        {
            throw DomainException.Invalid("percent", "Progress is a whole percent from 0 to 100.");
        }

        ProgressPercent = percent;
        Updates.Add(new MilestoneUpdate
        {
            Id = Guid.CreateVersion7(now),
            MilestoneId = Id,
            Percent = percent,
            Note = note,
            UpdatedBy = actor,
            At = now,
        });
    }
}

/// <summary>One progress update of a milestone, kept for ever.</summary>
public sealed class MilestoneUpdate
{
    public Guid Id { get; init; }

    public Guid MilestoneId { get; init; }

    public int Percent { get; init; }

    public string? Note { get; init; }

    public required string UpdatedBy { get; init; }

    public DateTimeOffset At { get; init; }
}
