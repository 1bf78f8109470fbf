namespace MassWork.ServiceDefaults.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>Off only to measure what auditing costs (the audit benchmark); every deployment audits.</summary>
    public bool Enabled { get; set; } = true;
}
