using MassWork.Contracts.Projects.V1;
using MassWork.Projects.Approval;
using MassWork.Projects.Funding;
using MassWork.Projects.Ledger;
using MassWork.Projects.Projects;
using MassWork.Projects.Publicity;

namespace MassWork.Projects.Demo;

/// <summary>
/// The demo town's projects, so a new user sees a working ledger, board and figures at once: one
/// project in every stage (proposed, waiting for the city, approved, under way, accepted, published,
/// rejected, cancelled), a county's pooled aid fund fed by dispatching units, villagers' money and
/// labour under their council, a payment corrected by a reversal. Every step goes through the same
/// domain methods, ledger writer and events as staff's requests, dated on a timeline of the last 20 days
/// that starts no earlier than this year (the figures' default period). One transaction: seeded whole
/// or not at all, and not again once the town has a project.
/// </summary>
public sealed class DemoProjects(ProjectsDbContext db, ApprovalPolicies policies, Notices notices, TimeProvider time)
{
    private const string Contractor = "于都县路桥工程有限公司";

    public async Task<bool> SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var town = options.TownCode[..9];
        if (await db.Projects.AnyAsync(p => p.RegionCode.StartsWith(town), cancellationToken))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var yearStart = ChinaTime.StartOf(new DateOnly(ChinaTime.Today(time).Year, 1, 1));
        // About 75 steps over the last 20 days; the road is published last, so it is on its village's board for most of the publicity period.
        var timeline = new DemoTimeline(now.AddDays(-20) > yearStart ? now.AddDays(-20) : yearStart, now, 80);
        var seed = new Seed(db, new LedgerWriter(db, timeline), notices, timeline, await policies.ForCityAsync(town[..4], cancellationToken), town, cancellationToken);
        var today = ChinaTime.Today(time);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var fund = PooledFund.Open("于都县帮扶资金统筹池", town[..6], seed.County.UserId, timeline.GetUtcNow());
        db.PooledFunds.Add(fund);
        foreach (var (unit, fen) in new[] { ("于都县发展和改革委员会", 5_000_000L), ("于都县水利局", 3_000_000L), ("于都县交通运输局", 4_000_000L) })
        {
            db.FundDeposits.Add(fund.Deposit(unit, null, fen, seed.County.UserId, timeline.GetUtcNow()));
        }

        // 公示 (below, last): a group road with pooled aid and the villagers' money and labour, a payment corrected, the council's sign-off.
        var road = seed.Propose("上坪组通组公路硬化", ProjectCategory.Road, "201", Proposer.VillageCommittee, 28_000_000, 86);
        seed.Plan(road, ["钟德明", "刘春生", "陈桂花"],
            new FundingLine(FundingSource.CityFund, 15_000_000, 0, 0, null),
            new FundingLine(FundingSource.PooledAid, 8_000_000, 0, 0, "挂点单位帮扶资金"),
            new FundingLine(FundingSource.Villagers, 5_000_000, 300, 3_600_000, "每户出资出劳"));
        seed.Approve(road);
        seed.Start(road);
        await seed.SaveAsync();
        await seed.BudgetAndAllocateAsync(road, fund.Id);
        seed.Milestone(road, "路基", 1, today.AddDays(7), 100);
        seed.Milestone(road, "路面硬化", 3, today.AddDays(7), 100);
        await seed.SaveAsync();
        var wrong = await seed.EntryAsync(road, EntryKind.Payment, FundingSource.CityFund, 300_000, payee: "于都县路桥工程公司");
        await seed.EntryAsync(road, EntryKind.Reversal, default, 0, note: "收款单位名称有误，冲销后重录", reverses: wrong);
        await seed.EntryAsync(road, EntryKind.Payment, FundingSource.CityFund, 15_000_000, payee: Contractor, note: "工程款");
        await seed.EntryAsync(road, EntryKind.Payment, FundingSource.PooledAid, 8_000_000, payee: Contractor, note: "工程款");
        await seed.EntryAsync(road, EntryKind.Payment, FundingSource.Villagers, 3_800_000, payee: Contractor, note: "村民筹资部分");
        await seed.EntryAsync(road, EntryKind.Payment, FundingSource.Villagers, 1_200_000, payee: "梓山镇建材经营部", note: "水泥、砂石");
        seed.Accept(road, "钟德明", "陈桂花");
        await seed.SaveAsync();

        // Accepted (验收), not yet on the board: drinking water paid by the town and a donation.
        var water = seed.Propose("长岭村安全饮水管网改造", ProjectCategory.DrinkingWater, "200", Proposer.VillageCommittee, 4_500_000, 140);
        seed.Plan(water, [],
            new FundingLine(FundingSource.TownFund, 3_000_000, 0, 0, null),
            new FundingLine(FundingSource.Donation, 1_500_000, 0, 0, "乡贤捐资"));
        seed.Approve(water);
        seed.Start(water);
        await seed.SaveAsync();
        await seed.BudgetAndAllocateAsync(water, null);
        seed.Milestone(water, "管网铺设", 2, today.AddDays(3), 100);
        seed.Milestone(water, "入户接水", 1, today.AddDays(3), 100);
        await seed.SaveAsync();
        await seed.EntryAsync(water, EntryKind.Payment, FundingSource.TownFund, 3_000_000, payee: "于都县自来水安装有限公司");
        await seed.EntryAsync(water, EntryKind.Payment, FundingSource.Donation, 1_400_000, payee: "于都县自来水安装有限公司");
        seed.Accept(water);
        await seed.SaveAsync();

        // Under way: an elderly home, part of its money allocated and paid, milestones under way.
        var home = seed.Propose("石门村颐养之家", ProjectCategory.ElderlyCare, "202", Proposer.Town, 32_000_000, 45);
        seed.Plan(home, [],
            new FundingLine(FundingSource.CityFund, 20_000_000, 0, 0, null),
            new FundingLine(FundingSource.HigherLevel, 12_000_000, 0, 0, "省级居家养老项目资金"));
        seed.Approve(home);
        seed.Start(home);
        await seed.SaveAsync();
        await seed.EntryAsync(home, EntryKind.Budget, FundingSource.CityFund, 20_000_000);
        await seed.EntryAsync(home, EntryKind.Budget, FundingSource.HigherLevel, 12_000_000);
        await seed.EntryAsync(home, EntryKind.Allocation, FundingSource.CityFund, 12_000_000);
        await seed.EntryAsync(home, EntryKind.Allocation, FundingSource.HigherLevel, 6_000_000);
        seed.Milestone(home, "主体工程", 3, today.AddDays(20), 60);
        seed.Milestone(home, "室内装修", 2, today.AddDays(45), 10);
        seed.Milestone(home, "设施配置", 1, today.AddDays(60), 0);
        await seed.SaveAsync();
        await seed.EntryAsync(home, EntryKind.Payment, FundingSource.CityFund, 8_000_000, payee: "于都县建工集团有限公司", note: "主体工程进度款");

        // Approved: a pond dredged with pooled aid and the villagers' labour, work not started.
        var pond = seed.Propose("下坪组山塘清淤", ProjectCategory.Water, "203", Proposer.WorkTeam, 3_800_000, 52);
        seed.Plan(pond, ["罗水生", "曾德华", "谢秀英"],
            new FundingLine(FundingSource.PooledAid, 2_000_000, 0, 0, null),
            new FundingLine(FundingSource.Villagers, 1_800_000, 150, 1_800_000, "投工投劳"));
        seed.Approve(pond);
        await seed.SaveAsync();
        await seed.BudgetAndAllocateAsync(pond, fund.Id);
        seed.Milestone(pond, "清淤", 1, today.AddDays(30), 0);

        // Proposed, waiting for the town; and a large one the town and county approved, waiting for the city.
        seed.Propose("塘背村小学厕所改造", ProjectCategory.Sanitation, "204", Proposer.WorkTeam, 2_500_000, 120);
        var industry = seed.Propose("龙口村脐橙产业路", ProjectCategory.Industry, "205", Proposer.Town, 68_000_000, 210);
        seed.Approve(industry, steps: 2);

        // Rejected and cancelled, with their reasons.
        var housing = seed.Propose("高坑组危旧房改造", ProjectCategory.HousingRepair, "201", Proposer.VillageCommittee, 6_000_000, 4);
        housing.Reject(seed.Town.UserId, seed.Town.Roles, seed.Town.RegionPrefix, "已纳入县级农村危房改造计划，不重复立项", timeline.GetUtcNow());
        var lights = seed.Propose("水西组路灯安装", ProjectCategory.Other, "203", Proposer.VillageCommittee, 1_800_000, 38);
        seed.Approve(lights);
        lights.Cancel(seed.Clerk.UserId, "村民自筹已安装，项目取消", timeline.GetUtcNow());

        await seed.PublishAsync(road);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The steps of the demo, as the town's staff and the county's and city's leaders take them.</summary>
    private sealed class Seed(ProjectsDbContext db, LedgerWriter ledger, Notices notices, TimeProvider timeline, ApprovalPolicy policy, string town, CancellationToken cancellationToken)
    {
        public Caller Clerk { get; } = new("demo-town-clerk", new HashSet<string> { Roles.TownStaff }, town);

        public Caller Town { get; } = new("demo-secretary", new HashSet<string> { Roles.TownStaff, Roles.Leader }, town);

        public Caller County { get; } = new("demo-county-leader", new HashSet<string> { Roles.Leader }, town[..6]);

        private Caller City { get; } = new("demo-city-leader", new HashSet<string> { Roles.Leader }, town[..4]);

        public Project Propose(string title, ProjectCategory category, string village, Proposer proposer, long costFen, int households)
        {
            var now = timeline.GetUtcNow();
            var p = Project.Propose(new NewProject(title, category, town + village, proposer, [], [], households, costFen), ApprovalChain.For(policy, costFen), Clerk.UserId, now);
            db.Projects.Add(p);
            db.RaiseIntegrationEvent(new ProjectProposed(ProjectEvents.Ref(p), now), p.Id.ToString());
            return p;
        }

        public void Plan(Project p, IReadOnlyList<string> council, params FundingLine[] lines) => p.PlanFunding(lines, council, Clerk.UserId, timeline.GetUtcNow());

        /// <summary>The chain's approvals in order, all of them or the first <paramref name="steps"/>.</summary>
        public void Approve(Project p, int? steps = null)
        {
            foreach (var approver in new[] { Town, County, City }.Take(steps ?? p.ApprovalChain.Count))
            {
                var now = timeline.GetUtcNow();
                if (p.Approve(approver.UserId, approver.Roles, approver.RegionPrefix, now))
                {
                    db.RaiseIntegrationEvent(ProjectEvents.Approved(p, now), p.Id.ToString());
                }
            }
        }

        public void Start(Project p) => p.Start(Clerk.UserId, timeline.GetUtcNow());

        public void Milestone(Project p, string name, int weight, DateOnly due, int percent)
        {
            var milestone = p.AddMilestone(name, weight, due, Clerk.UserId, timeline.GetUtcNow());
            if (percent > 0)
            {
                p.RecordProgress(milestone.Id, percent, null, Clerk.UserId, timeline.GetUtcNow());
            }
        }

        public void Accept(Project p, params string[] councilSignedBy)
        {
            var now = timeline.GetUtcNow();
            p.Accept(Clerk.UserId, councilSignedBy, now);
            db.RaiseIntegrationEvent(ProjectEvents.Completed(p, now), p.Id.ToString());
        }

        /// <summary>公示, with the notice built from the money as written, for the personnel notice board.</summary>
        public async Task PublishAsync(Project p)
        {
            var now = timeline.GetUtcNow();
            p.Publish(Clerk.UserId, now);
            db.RaiseIntegrationEvent(ProjectEvents.Published(p, (await notices.BuildAsync([p], cancellationToken))[0], now), p.Id.ToString());
            await SaveAsync();
        }

        /// <summary>Each planned source's money budgeted and allocated in full; PooledAid from the fund, allocated at the county (统一调配).</summary>
        public async Task BudgetAndAllocateAsync(Project p, Guid? fund)
        {
            foreach (var line in p.Funding.Where(f => f.AmountFen > 0))
            {
                await EntryAsync(p, EntryKind.Budget, line.Source, line.AmountFen);
                var pooled = line.Source == FundingSource.PooledAid;
                await EntryAsync(p, EntryKind.Allocation, line.Source, line.AmountFen, pooled ? fund : null, caller: pooled ? County : null);
            }
        }

        public async Task<Guid> EntryAsync(Project p, EntryKind kind, FundingSource source, long fen, Guid? fund = null, string? payee = null, string? note = null,
            Guid? reverses = null, Caller? caller = null)
        {
            var result = await ledger.WriteAsync(p.Id, new CheckedEntry(kind, source, fen, fund, payee, note, reverses), caller ?? Clerk, cancellationToken);
            return result.Result switch
            {
                Created<LedgerEntryView> created => created.Value!.Id,
                ProblemHttpResult problem => throw new InvalidOperationException($"Demo ledger entry {kind} {source} {fen} of {p.Title} refused: {problem.ProblemDetails.Detail}"),
                _ => throw new InvalidOperationException($"Demo ledger entry {kind} {source} {fen} of {p.Title} refused as invalid."),
            };
        }

        public Task SaveAsync() => db.SaveChangesAsync(cancellationToken);
    }
}
