namespace MassWork.Console.NoticeBoard;

// The village notice board (公示) as the personnel service gives it (GET /api/personnel/notice-board/{villageCode}).

public sealed record BoardHousehold(string HouseholdNumber, string HeadName, string Kind);

public sealed record BoardMember(Guid CadreId, string Name, string Role, string? Position, string? Phone, int PairedHouseholds, IReadOnlyList<BoardHousehold> Households);

public sealed record BoardCommitment(Guid Id, string Text, DateTimeOffset CreatedAt);

public sealed record BoardTeam(Guid TeamId, string Name, string? Unit, IReadOnlyList<BoardMember> Members, IReadOnlyList<BoardCommitment> Commitments);

public sealed record BoardProblem(string CaseNumber, string Category, DateTimeOffset RaisedAt, bool Closed, string? Outcome, DateTimeOffset? ClosedAt);

public sealed record ProjectSourceLine(string Source, long BudgetFen, long PaidFen);

public sealed record ProjectPayeeLine(string Payee, long PaidFen);

public sealed record BoardProject(
    Guid ProjectId, string Title, string Category, long BudgetFen, long PaidFen, IReadOnlyList<ProjectSourceLine> Sources, IReadOnlyList<ProjectPayeeLine> Payees,
    int? ProgressPercent, int BeneficiaryCount, DateTimeOffset? AcceptedAt, int CouncilSignOffs, DateTimeOffset PublishedAt, DateTimeOffset OnNoticeUntil);

public sealed record NoticeBoardData(
    string VillageCode, string VillageName, long Households, long PairedHouseholds, IReadOnlyList<BoardTeam> Teams,
    long OpenProblems, long ClosedProblems, IReadOnlyList<BoardProblem> Problems, IReadOnlyList<BoardProject> Projects);
