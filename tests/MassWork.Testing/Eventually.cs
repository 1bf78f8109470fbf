using System.Diagnostics;

namespace MassWork.Testing;

public static class Eventually
{
    /// <summary>Polls until the condition holds; fails naming <paramref name="what"/> when it does not within the timeout.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(200);
        }
    }
}
