using System.ComponentModel.DataAnnotations;

namespace MassWork.Identity.Audit;

public sealed class AuditStoreOptions
{
    public const string Section = "AuditStore";

    /// <summary>Days records stay in the live log before they are archived; the Cybersecurity Law (Art. 21) asks for at least six months.</summary>
    [Range(180, 3650)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>Where archived records are written (JSON lines, gzip), before they leave the live log.</summary>
    [Required]
    public string ArchiveFolder { get; set; } = "";

    /// <summary>How often the archiver looks for records past retention.</summary>
    public TimeSpan ArchiveInterval { get; set; } = TimeSpan.FromHours(6);
}
