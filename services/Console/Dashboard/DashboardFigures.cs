namespace MassWork.Console.Dashboard;

// The parts of the services' figure reports the supervision dashboard (首页) shows; each service's
// own report type defines them, these read its JSON.

public sealed record RegionNode(string Code, string Name, string Level, string? ParentCode, IReadOnlyList<RegionNode> Children);

public sealed record CoverageReport(string Region, long Households, long Covered, long Uncovered, long Cadres, long CadresBelowMinimum, double CoverageRate);

public sealed record VisitHouseholds(long Due, long Visited, long NeverVisitedThisYear);

public sealed record VisitContacts(long Required, long Done, double? Rate);

public sealed record VisitArea(string RegionCode, VisitHouseholds Households, VisitContacts Contacts);

public sealed record VisitReport(string Region, string Period, VisitArea Total, IReadOnlyList<VisitArea> Areas, long PendingVillages);

public sealed record PetitionCounts(long Collected, long Accepted, long Answered, long AnsweredOnTime, long Revisited, long Satisfied, long Backlog);

public sealed record PetitionFigures(string? Key, string? Name, PetitionCounts Counts, double? ResolutionRate, double? OnTimeRate, double? SatisfactionRate);

public sealed record PetitionReport(string Region, PetitionFigures Total, IReadOnlyList<PetitionFigures> ByArea);

public sealed record ProjectCounts(long Projects, long EstimatedCostFen, long Done, long HouseholdsBenefiting);

public sealed record ProjectCut(string Key, string? Label, ProjectCounts Counts);

public sealed record SourceMoney(string Source, long ApprovedFen, long AllocatedFen, long PaidFen);

public sealed record ProjectReport(string Region, ProjectCounts Total, IReadOnlyList<SourceMoney> Money, IReadOnlyList<ProjectCut> ByStage);

/// <summary>One area one level down, its figures side by side, for the ranking (排名).</summary>
public sealed record AreaRow(string Prefix, string Name, double? ContactRate, long ContactsDone, long ContactsRequired, double? ResolutionRate, double? OnTimeRate, double? SatisfactionRate);
