// Namespaces most of this project's files use; a file names only what else it needs.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using MassWork.ServiceDefaults.Auth;
global using MassWork.ServiceTests.Infrastructure;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.DependencyInjection;
global using Npgsql;
