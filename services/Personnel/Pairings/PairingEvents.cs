using MassWork.Contracts.Personnel.V1;
using MassWork.Personnel.Cadres;
using MassWork.Personnel.Households;

namespace MassWork.Personnel.Pairings;

/// <summary>Raises PairingStarted for new pairings with the contact card's content, loading households and cadres in two queries.</summary>
public static class PairingEvents
{
    public static async Task RaiseStartedAsync(PersonnelDbContext db, PersonalDataProtector protector, IReadOnlyList<Pairing> pairings, CancellationToken cancellationToken)
    {
        var householdIds = pairings.Select(p => p.HouseholdId).Distinct().ToList();
        var cadreIds = pairings.Select(p => p.CadreId).Distinct().ToList();
        var households = await db.Households.AsNoTracking().Include(h => h.Members)
            .Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var cadres = await db.Cadres.AsNoTracking()
            .Where(c => cadreIds.Contains(c.Id))
            .Select(c => new { Cadre = c, Unit = db.DispatchingUnits.Where(u => u.Id == c.UnitId).Select(u => u.Name).FirstOrDefault() })
            .ToDictionaryAsync(c => c.Cadre.Id, cancellationToken);
        foreach (var pairing in pairings)
        {
            var household = households[pairing.HouseholdId];
            var cadre = cadres[pairing.CadreId];
            db.RaiseIntegrationEvent(Started(pairing, household, cadre.Cadre, cadre.Unit, protector), pairing.Id.ToString());
        }
    }

    private static PairingStarted Started(Pairing p, Household h, Cadre c, string? unit, PersonalDataProtector protector) => new(
        p.Id, p.Kind.ToString(), p.StartedAt, h.Id, h.HouseholdNumber, h.VillageCode, h.HeadName,
        HouseholdEvents.Contacts(h.Members, protector), c.Id, c.Name, c.PhoneCipher is null ? null : protector.Decrypt(c.PhoneCipher), unit);

    public static PairingEnded Ended(Pairing p) =>
        new(p.Id, p.Kind.ToString(), p.EndedAt!.Value, p.HouseholdId, p.VillageCode, p.CadreId, p.EndReason ?? "");
}
