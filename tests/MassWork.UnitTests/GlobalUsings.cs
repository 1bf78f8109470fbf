// Namespaces most of this project's files use; a file names only what else it needs.
global using MassWork.ServiceDefaults.Auth;
global using MassWork.ServiceDefaults.Validation;
