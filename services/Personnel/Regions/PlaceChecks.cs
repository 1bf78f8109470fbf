using FluentValidation.Results;

namespace MassWork.Personnel.Regions;

/// <summary>
/// Checks that a village is in the region register and that a group or compound belongs to it: a
/// lookup, so it runs after the request's own fields passed their validator.
/// </summary>
public static class PlaceChecks
{
    public static async Task<ValidationResult> ValidateAsync(
        PersonnelDbContext db, string villageCode, Guid? groupId, Guid? compoundId, CancellationToken cancellationToken)
    {
        if (!await db.Regions.AnyAsync(r => r.Code == villageCode && r.Level == RegionLevel.Village, cancellationToken))
        {
            return ValidationResults.Refuse("villageCode", $"Village {villageCode} is not in the region register; load it first (POST /api/personnel/regions/import).");
        }

        var result = new ValidationResult();
        foreach (var (field, id, kind) in new[] { ("groupId", groupId, RegionUnitKind.Group), ("compoundId", compoundId, RegionUnitKind.Compound) })
        {
            if (id is { } unitId && !await db.RegionUnits.AnyAsync(u => u.Id == unitId && u.VillageCode == villageCode && u.Kind == kind, cancellationToken))
            {
                result.Also(field, $"No {kind.ToString().ToLowerInvariant()} {unitId} in village {villageCode}.");
            }
        }

        return result;
    }
}
