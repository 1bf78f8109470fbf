namespace MassWork.Console.Components.Charts;

/// <summary>One bar: its label, its value (the bar's length), the text shown beside it, and where it leads (the list behind the number).</summary>
public sealed record Bar(string Label, double Value, string Text, string? Href = null);
