using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceDefaults.Security;

public static class PersonalDataExtensions
{
    /// <summary>Registers <see cref="PersonalDataProtector"/> for services that store ID numbers or phones.</summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PersonalDataOptions>(builder.Configuration.GetSection(PersonalDataOptions.Section));
        builder.Services.AddSingleton<PersonalDataProtector>();
        return builder;
    }
}
