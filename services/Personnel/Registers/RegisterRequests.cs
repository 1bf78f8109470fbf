namespace MassWork.Personnel.Registers;

public sealed record RenameRequest(string? Name)
{
    /// <summary>The trimmed name, or null when missing or over 100 characters.</summary>
    public string? ValidName() => Name?.Trim() is { Length: > 0 and <= 100 } name ? name : null;
}

/// <summary>Why a cadre, unit or team leaves the register (调离、退休、撤并、撤回).</summary>
public sealed record RetireRequest(string? Reason)
{
    /// <summary>The trimmed reason, or null when missing or over 200 characters.</summary>
    public string? ValidReason() => Reason?.Trim() is { Length: > 0 and <= 200 } reason ? reason : null;
}
