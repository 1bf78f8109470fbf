using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MassWork.UnitTests")]
