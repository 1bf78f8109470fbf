using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceDefaults.Validation;

public static class ValidationExtensions
{
    /// <summary>
    /// Registers every request validator in the service's assembly as a singleton (validators hold
    /// no request state; per-request values travel in <see cref="ValidationContextValues"/>), so an
    /// endpoint takes <c>IValidator&lt;TRequest&gt;</c> as a parameter.
    /// </summary>
    public static IHostApplicationBuilder AddRequestValidation(this IHostApplicationBuilder builder, Assembly serviceAssembly)
    {
        builder.Services.AddValidatorsFromAssembly(serviceAssembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }
}
