using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("MassWork.IntegrationTests")]
[assembly: InternalsVisibleTo("MassWork.Testing")]
