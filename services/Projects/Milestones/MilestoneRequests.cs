namespace MassWork.Projects.Milestones;

/// <summary>A milestone of the works: its name, its weight against the others (a positive integer) and the day it is due.</summary>
public sealed record MilestoneRequest(string? Name, int? Weight, DateOnly? DueDate);

/// <summary>The milestone's progress now, a whole percent 0 to 100, with an optional note.</summary>
public sealed record ProgressRequest(int? Percent, string? Note = null);
