namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// A dependency other than the database (the blob store, …) did not answer or failed: answered
/// 503 with Retry-After by <see cref="DependencyDownExceptionHandler"/>, like a database that is down.
/// </summary>
/// <param name="title">What the caller reads: "The photo store is unavailable".</param>
public abstract class DependencyUnavailableException(string title, string message, Exception inner) : Exception(message, inner)
{
    public string Title { get; } = title;
}
