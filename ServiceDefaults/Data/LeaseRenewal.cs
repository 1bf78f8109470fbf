namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// Keeps a lease on rows alive while long work runs, so that another replica does not take the
/// work as abandoned: renews every <c>interval</c> on the service's clock until the work ends. A
/// failed renewal is reported and tried again at the next interval (a lease outlasts a few misses);
/// a renewal that finds the lease taken by another replica ends the loop and says so.
/// </summary>
public static class LeaseRenewal
{
    /// <param name="renew">Renews the lease; false when it is no longer this replica's.</param>
    /// <param name="failed">Told of a renewal that threw; the loop goes on.</param>
    /// <param name="workEnded">Cancelled when the work no longer needs the lease.</param>
    /// <returns>False when the lease was lost, true when the work ended while it was still held.</returns>
    public static async Task<bool> KeepAsync(
        TimeSpan interval, TimeProvider time, Func<Task<bool>> renew, Action<Exception> failed, CancellationToken workEnded)
    {
        while (true)
        {
            try
            {
                await Task.Delay(interval, time, workEnded);
            }
            catch (OperationCanceledException)
            {
                return true;
            }

            try
            {
                if (!await renew())
                {
                    return false;
                }
            }
            catch (OperationCanceledException) when (workEnded.IsCancellationRequested)
            {
                return true;
            }
            catch (Exception ex)
            {
                failed(ex);
            }
        }
    }
}
