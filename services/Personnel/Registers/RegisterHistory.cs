namespace MassWork.Personnel.Registers;

public sealed record RegisterChangeResponse(string Action, IReadOnlyList<FieldChange> Changes, string? Reason, DateTimeOffset At, string By);

/// <summary>The history of one cadre, unit or team, in the order the changes were made.</summary>
public static class RegisterHistory
{
    public static Task<List<RegisterChangeResponse>> ReadAsync(PersonnelDbContext db, RegisterSubject subject, Guid id, CancellationToken cancellationToken) =>
        db.RegisterChanges.AsNoTracking().Where(c => c.Subject == subject && c.SubjectId == id).OrderBy(c => c.Id)
            .Select(c => new RegisterChangeResponse(c.Action.ToString(), c.Changes, c.Reason, c.At, c.By))
            .ToListAsync(cancellationToken);
}
