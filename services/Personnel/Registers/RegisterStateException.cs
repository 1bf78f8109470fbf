using MassWork.ServiceDefaults.Errors;

namespace MassWork.Personnel.Registers;

/// <summary>A change the entry's state does not allow (editing a retired cadre, retiring a unit that still sends teams): a 409.</summary>
public sealed class RegisterStateException(string title, string message) : DomainException(DomainProblem.Conflict, title, message);
