// Namespaces most of this project's files use; a file names only what else it needs.
global using System.Diagnostics;
global using System.Globalization;
global using System.Net.Http.Json;
global using System.Text;
global using System.Text.Json;
global using MassWork.ServiceDefaults.Auth;
global using MassWork.Testing;
global using Npgsql;
global using NpgsqlTypes;
