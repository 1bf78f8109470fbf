using Microsoft.EntityFrameworkCore;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// A PUT that adds or changes the row of <typeparamref name="TEntity"/> named by a key the caller
/// chooses (a city's policy, a category's code, a town's officials). Edits of one key wait for each
/// other, so the second finds the row the first added instead of inserting it again and failing on
/// the key with a 500; the save goes through the change tracker, so the edit is audited.
/// </summary>
public static class KeyedEdit<TEntity>
{
    /// <summary>Runs <paramref name="edit"/> (find or add the row, then change it) and saves, one edit of <paramref name="key"/> at a time.</summary>
    public static Task SaveAsync(DbContext db, string key, Func<Task> edit, CancellationToken cancellationToken) =>
        AdvisoryLock.OneAtATimeAsync(db, $"keyed-edit:{typeof(TEntity).Name}:{key}", async () =>
        {
            await edit();
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// The same, for an edit that may refuse once it has found the row (it is another region's): what
    /// <paramref name="edit"/> returns is returned, and a refusal has changed nothing to save.
    /// </summary>
    public static async Task<TResult> SaveAsync<TResult>(DbContext db, string key, Func<Task<TResult>> edit, CancellationToken cancellationToken)
    {
        TResult result = default!;
        await SaveAsync(db, key, async () => { result = await edit(); }, cancellationToken);
        return result;
    }
}
