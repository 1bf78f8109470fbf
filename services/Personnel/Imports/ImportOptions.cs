namespace MassWork.Personnel.Imports;

public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Where uploads wait for a worker: a folder every replica sees (in Kubernetes a ReadWriteMany volume).</summary>
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "masswork-imports");

    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Households per chunk; each chunk commits on its own. Larger chunks mean fewer commits, smaller
    /// ones less memory in flight (two chunks are read, two checked and two written at a time).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int HouseholdsPerChunk { get; set; } = 5_000;

    /// <summary>This replica's name, recorded on the imports it receives and claims.</summary>
    public string Instance { get; set; } = Environment.MachineName;

    /// <summary>How long a claim holds without renewal; the runner renews it three times as often.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle worker looks for imports other replicas received or let go.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string PathFor(Guid jobId) => Path.Combine(Folder, $"{jobId}.csv");
}
