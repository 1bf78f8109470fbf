using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MassWork.UnitTests")]
// The personnel benchmark migrates its database as a service starts, outside a host.
[assembly: InternalsVisibleTo("MassWork.Benchmarks")]
