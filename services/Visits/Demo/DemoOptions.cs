namespace MassWork.Visits.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Enabled { get; set; }

    /// <summary>梓山镇, 于都县: the town the personnel service's demo data fills with villages, households, cadres and pairings.</summary>
    public string TownCode { get; set; } = "360731105000";

    /// <summary>How long to wait for personnel's demo town to arrive through its events before giving up (logged).</summary>
    public TimeSpan WaitForTown { get; set; } = TimeSpan.FromMinutes(30);
}
