namespace MassWork.Personnel.Imports;

public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>Where uploads wait for the worker; in Kubernetes an emptyDir volume of the pod.</summary>
    public string Folder { get; set; } = Path.Combine(Path.GetTempPath(), "masswork-imports");

    public long MaxFileBytes { get; set; } = 1L << 30;

    /// <summary>
    /// Households per chunk; each chunk commits on its own. Larger chunks mean fewer commits, smaller
    /// ones less memory in flight (two chunks are read, two checked and two written at a time).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int HouseholdsPerChunk { get; set; } = 5_000;

    /// <summary>This replica's name; an upload is processed by the replica that holds its file.</summary>
    public string Instance { get; set; } = Environment.MachineName;

    public string PathFor(Guid jobId) => Path.Combine(Folder, $"{jobId}.csv");
}
