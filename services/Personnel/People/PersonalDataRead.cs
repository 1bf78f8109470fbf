using MassWork.ServiceDefaults.Audit;

namespace MassWork.Personnel.People;

/// <summary>
/// Audit row for every read of an ID number or phone in full (PIPL; logs kept ≥ 6 months under
/// the Cybersecurity Law, Art. 21). Rows are only ever inserted.
/// </summary>
public sealed class PersonalDataRead : IAuditedValues
{
    public long Id { get; init; }

    public required string ReadBy { get; init; }

    public required string SubjectKind { get; init; }

    public Guid SubjectId { get; init; }

    public required string Purpose { get; init; }

    public DateTimeOffset ReadAt { get; init; }
}
