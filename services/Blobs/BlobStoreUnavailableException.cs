using MassWork.ServiceDefaults.Errors;

namespace MassWork.Blobs;

/// <summary>The store did not answer or failed (disk full, object storage down): answered 503, like a database that is down.</summary>
public sealed class BlobStoreUnavailableException(string message, Exception inner)
    : DependencyUnavailableException("The photo store is unavailable", message, inner);
