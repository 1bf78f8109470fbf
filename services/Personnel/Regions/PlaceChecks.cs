using MassWork.Personnel.Data;
using Microsoft.EntityFrameworkCore;

namespace MassWork.Personnel.Regions;

/// <summary>Checks that a village is in the region register and that a group or compound belongs to it.</summary>
public static class PlaceChecks
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(
        PersonnelDbContext db, string villageCode, Guid? groupId, Guid? compoundId, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!await db.Regions.AnyAsync(r => r.Code == villageCode && r.Level == RegionLevel.Village, cancellationToken))
        {
            errors["villageCode"] = [$"Village {villageCode} is not in the region register; load it first (POST /api/personnel/regions/import)."];
            return errors;
        }

        foreach (var (field, id, kind) in new[] { ("groupId", groupId, RegionUnitKind.Group), ("compoundId", compoundId, RegionUnitKind.Compound) })
        {
            if (id is { } unitId && !await db.RegionUnits.AnyAsync(u => u.Id == unitId && u.VillageCode == villageCode && u.Kind == kind, cancellationToken))
            {
                errors[field] = [$"No {kind.ToString().ToLowerInvariant()} {unitId} in village {villageCode}."];
            }
        }

        return errors;
    }
}
