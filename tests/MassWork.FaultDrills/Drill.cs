using System.Diagnostics;

namespace MassWork.FaultDrills;

public static class Drill
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    /// <summary>Waits for a point in the writes to break something at; a writer that failed meanwhile fails the drill with its own error.</summary>
    public static Task UntilAsync(Task writing, Func<bool> reached, string what) => UntilAsync(writing, () => Task.FromResult(reached()), what);

    /// <inheritdoc cref="UntilAsync(Task, Func{bool}, string)"/>
    public static async Task UntilAsync(Task writing, Func<Task<bool>> reached, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await reached())
        {
            if (writing.IsCompleted)
            {
                await writing;
                throw new InvalidOperationException($"The writes ended before: {what}.");
            }

            if (waited.Elapsed > Patience)
            {
                throw new TimeoutException($"Timed out after {Patience.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
