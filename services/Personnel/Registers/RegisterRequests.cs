namespace MassWork.Personnel.Registers;

public sealed record RenameRequest(string? Name);

/// <summary>Why a cadre, unit or team leaves the register (调离、退休、撤并、撤回).</summary>
public sealed record RetireRequest(string? Reason);
