using System.Security.Cryptography;
using MassTransit;
using MassWork.Contracts.Petitions.V1;
using MassWork.Petitions.Cases;

namespace MassWork.Petitions.PublicQuery;

/// <summary>
/// A code asked for on the public query page, matched against the case: where
/// <see cref="PublicQueryPolicy.RouteFor"/> allows and the case has room under its limits, a code is
/// issued (its hash kept) and sent through the notifications service. Otherwise nothing happens, and
/// nobody is told.
/// </summary>
public sealed class CaseQueryAskedConsumer(PetitionsDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<CaseQueryAskedConsumer> logger)
    : IdempotentConsumer<CaseQueryAsked, PetitionsDbContext>(db, time, logger)
{
    protected override async Task HandleAsync(CaseQueryAsked m, ConsumeContext<CaseQueryAsked> context)
    {
        var cancellationToken = context.CancellationToken;
        var found = await Db.Cases.Where(c => c.Number == m.CaseNumber)
            .Select(c => new
            {
                c.Id, c.RegionCode, c.PetitionerPhoneHash, c.PetitionerPhoneCipher, c.HouseholdId, c.MatterType,
                HouseholdPhones = Db.Households.Where(h => h.Id == c.HouseholdId).Select(h => h.PhoneHashes).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        var route = found is null
            ? CodeRoute.None
            : PublicQueryPolicy.RouteFor(found.PetitionerPhoneHash is { } own ? Convert.ToBase64String(own) : null, found.HouseholdPhones,
                found.MatterType == MatterType.Accusation, m.PhoneHash);
        if (found is null || route == CodeRoute.None)
        {
            return;
        }

        // Locked, so two requests at once cannot both find room under the case's limit.
        await Db.Database.ExecuteSqlAsync($"SELECT 1 FROM cases WHERE id = {found.Id} FOR UPDATE", cancellationToken);
        var now = Time.GetUtcNow();
        var since = now - PublicQueryPolicy.CodeWindow;
        var issued = await Db.QueryCodes.Where(q => q.CaseId == found.Id && q.IssuedAt > since).Select(q => q.IssuedAt).ToListAsync(cancellationToken);
        if (!PublicQueryPolicy.MayIssue(issued, now))
        {
            return;
        }

        var id = Guid.CreateVersion7(now);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");
        var issuedCode = QueryCode.Issue(id, found.Id, PublicQueryEndpoints.CodeHash(protector, id, code), Convert.FromBase64String(m.PhoneHash), now);
        Db.QueryCodes.Add(issuedCode);
        Db.RaiseIntegrationEvent(
            new CaseQueryCodeRequested(id, found.Id, found.RegionCode,
                route == CodeRoute.Petitioner ? Convert.ToBase64String(found.PetitionerPhoneCipher!) : null,
                route == CodeRoute.Household ? found.HouseholdId : null,
                m.PhoneHash, Convert.ToBase64String(protector.Encrypt(code)), issuedCode.ExpiresAt, now),
            found.Id.ToString());
    }
}
