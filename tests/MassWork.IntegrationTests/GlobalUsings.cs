// Namespaces most of this project's files use; a file names only what else it needs.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using MassWork.IntegrationTests.Infrastructure;
global using MassWork.ServiceDefaults.Auth;
