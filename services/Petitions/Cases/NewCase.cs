namespace MassWork.Petitions.Cases;

/// <summary>An intake's checked content, ready to register; SourceDemandId when it was raised on a visit.</summary>
public sealed record NewCase(
    string Number,
    Channel Channel,
    MatterType MatterType,
    string CategoryCode,
    string WorkOrderClass,
    string RegionCode,
    IntakeLevel Level,
    Guid? HouseholdId,
    string? PetitionerName,
    ProtectedPhone? PetitionerPhone,
    string? MandateReference,
    int Representatives,
    string Content,
    IReadOnlyList<Attachment> Attachments,
    string RegisteredBy,
    Guid? SourceDemandId);

/// <summary>A phone as stored: ciphertext, keyed hash for lookup, masked form for display.</summary>
public sealed record ProtectedPhone(byte[] Cipher, byte[] Hash, string Masked);
