namespace MassWork.Petitions.Departments;

public static class DepartmentStaff
{
    /// <summary>Codes of the departments whose queue the user works.</summary>
    public static async Task<IReadOnlyCollection<string>> OfAsync(PetitionsDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Departments.AsNoTracking().Where(d => d.StaffUserIds.Contains(userId)).Select(d => d.Code).ToListAsync(cancellationToken);
}
