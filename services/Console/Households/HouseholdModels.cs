using MassWork.Console.Gateway;
using MassWork.Console.Cases;
using MassWork.Console.Projects;
using MassWork.Console.Visits;

namespace MassWork.Console.Households;

/// <summary>A line of the personnel service's household search.</summary>
public sealed record HouseholdLine(Guid Id, string HouseholdNumber, string VillageCode, string Address, string HeadName, string Status, IReadOnlyList<string> Tags);

public sealed record HouseholdSearchPage(IReadOnlyList<HouseholdLine> Items, int Total);

/// <summary>A member as personnel shows them: ID number and phone masked.</summary>
public sealed record Member(Guid Id, string Name, string Relation, bool IsHead, string? IdNumberMasked, string? PhoneMasked);

public sealed record HouseholdDetails(
    Guid Id, string HouseholdNumber, string VillageCode, string Address, string HeadName, string Status, IReadOnlyList<string> Tags,
    IReadOnlyList<Member> Members, DateTimeOffset RegisteredAt);

public sealed record Pairing(Guid Id, Guid CadreId, string CadreName, string Kind, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? EndReason);

public sealed record VisitList(long Total, IReadOnlyList<VisitView> Visits);

public sealed record Message(Guid Id, string TemplateCode, string Text, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record MessageList(long Total, IReadOnlyList<Message> Messages);

/// <summary>What each service answered for one household, the timeline's sources.</summary>
public sealed record HouseholdSources(
    ApiResult<List<Pairing>> Pairings, ApiResult<VisitList> Visits, ApiResult<LedgerPage> Cases, ApiResult<ProjectPage> Projects, ApiResult<MessageList> Messages);
