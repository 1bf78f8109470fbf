namespace MassWork.Projects.Projects;

/// <summary>
/// A project as a clerk proposes it. Beneficiaries are the households' ids, or for public works
/// (a road, a water main) only their count. Money is in fen (分), a whole number.
/// </summary>
public sealed record ProposeRequest(
    string? Title,
    string? Category,
    string? RegionCode,
    string? Proposer,
    long? EstimatedCostFen,
    IReadOnlyList<Guid>? LinkedDemandIds = null,
    IReadOnlyList<Guid>? BeneficiaryHouseholdIds = null,
    int? BeneficiaryCount = null);

public sealed record ReasonRequest(string? Reason);

/// <summary>验收: the council members who signed, by name, where villagers contributed.</summary>
public sealed record AcceptRequest(IReadOnlyList<string>? CouncilSignedBy);

public sealed record FundingLineInput(string? Source, long? AmountFen, int? LabourPersonDays = null, long? LabourValueFen = null, string? Note = null);

public sealed record CouncilInput(IReadOnlyList<string>? Members);

/// <summary>The whole funding plan: one line per source, and the villager council where villagers contribute.</summary>
public sealed record FundingRequest(IReadOnlyList<FundingLineInput>? Sources, CouncilInput? Council = null);
