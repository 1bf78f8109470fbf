namespace MassWork.Personnel.Registers;

/// <summary>One field of a register entry changed: its value before and after (a phone only masked).</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>Collects the fields an edit actually changed; unchanged fields are left out of the history.</summary>
public sealed class ChangeSet
{
    private readonly List<FieldChange> _changes = [];

    public IReadOnlyList<FieldChange> Changes => _changes;

    public ChangeSet Track<T>(string field, T from, T to)
    {
        if (!EqualityComparer<T>.Default.Equals(from, to))
        {
            _changes.Add(new FieldChange(field, from?.ToString(), to?.ToString()));
        }

        return this;
    }
}
