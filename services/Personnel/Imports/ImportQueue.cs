namespace MassWork.Personnel.Imports;

/// <summary>
/// Wakes this replica's worker when an upload arrives here; uploads other replicas received, and
/// imports whose runner went away, the worker finds by looking every <see cref="ImportOptions.PollInterval"/>.
/// </summary>
public sealed class ImportQueue : WakeSignal;
