using MassWork.Petitions.Cases;

namespace MassWork.Petitions.Departments;

public static class DepartmentStaff
{
    /// <summary>Codes of the departments whose queue the user works.</summary>
    public static async Task<IReadOnlyCollection<string>> OfAsync(PetitionsDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Departments.AsNoTracking().Where(d => d.StaffUserIds.Contains(userId)).Select(d => d.Code).ToListAsync(cancellationToken);

    /// <summary>
    /// Of the user's departments, those <paramref name="c"/>'s access turns on as it stands: the
    /// holding department, if the user works its queue. A case no department holds (a new one, or
    /// one a region holds) asks the database nothing. A step that may hand the case to another
    /// department reads <see cref="OfAsync"/> instead, before the change.
    /// </summary>
    public static async Task<IReadOnlyCollection<string>> OfHolderAsync(PetitionsDbContext db, string userId, Case c, CancellationToken cancellationToken) =>
        CaseAccess.HoldingDepartment(c) is { } holder
            ? await db.Departments.AsNoTracking().Where(d => d.Code == holder && d.StaffUserIds.Contains(userId)).Select(d => d.Code).ToListAsync(cancellationToken)
            : [];
}
