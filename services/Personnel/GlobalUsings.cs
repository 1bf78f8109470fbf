// Namespaces most of this project's files use; a file names only what else it needs.
global using FluentValidation;
global using MassWork.Personnel.Data;
global using MassWork.ServiceDefaults;
global using MassWork.ServiceDefaults.Auth;
global using MassWork.ServiceDefaults.Http;
global using MassWork.ServiceDefaults.Messaging;
global using MassWork.ServiceDefaults.Security;
global using MassWork.ServiceDefaults.Validation;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.EntityFrameworkCore.Metadata.Builders;
global using Npgsql;
