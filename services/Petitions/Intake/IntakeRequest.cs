using MassWork.Petitions.Cases;

namespace MassWork.Petitions.Intake;

public sealed record PetitionerInput(string? Name, string? Phone);

public sealed record AttachmentInput(string? FileName, string? ContentType, long? SizeBytes, string? Url);

/// <summary>
/// A matter as a clerk enters it. Either a known household (HouseholdId; the region and the
/// petitioner's name default from it) or a person with a name and the region the matter is in.
/// </summary>
public sealed record IntakeRequest(
    string? Channel,
    string? MatterType,
    string? CategoryCode,
    string? Content,
    Guid? HouseholdId = null,
    string? RegionCode = null,
    PetitionerInput? Petitioner = null,
    string? MandateReference = null,
    int? Representatives = null,
    IReadOnlyList<AttachmentInput>? Attachments = null);

/// <summary>The request after its field checks, with the enums parsed.</summary>
public sealed record CheckedIntake(
    Channel Channel,
    MatterType MatterType,
    string CategoryCode,
    string Content,
    Guid? HouseholdId,
    string? RegionCode,
    string? PetitionerName,
    string? Phone,
    string? MandateReference,
    int Representatives,
    IReadOnlyList<Attachment> Attachments);
