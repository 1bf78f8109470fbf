using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MassWork.ServiceDefaults.Clock;

/// <summary>
/// Every process reads time from the one <see cref="TimeProvider"/> registered here: the system
/// clock, or in a Development test run the system clock shifted by <c>Clock:Offset</c>, so that a
/// whole platform lives at an instant the tests chose (a weekday at 10:00 in Shanghai) whatever
/// the hour the suite runs. A clock that is not the real one has no place in production: the
/// setting is refused at start-up outside Development.
/// </summary>
public static class ClockExtensions
{
    public const string OffsetKey = "Clock:Offset";

    public static IHostApplicationBuilder AddPlatformClock(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(ClockFor(builder.Configuration, builder.Environment));
        return builder;
    }

    public static TimeProvider ClockFor(IConfiguration configuration, IHostEnvironment environment)
    {
        var setting = configuration[OffsetKey];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return TimeProvider.System;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{OffsetKey} shifts the clock for test runs and is refused in the {environment.EnvironmentName} environment; remove it.");
        }

        if (!TimeSpan.TryParse(setting, CultureInfo.InvariantCulture, out var offset))
        {
            throw new InvalidOperationException($"{OffsetKey} must be a time span such as -12.03:00:00, not '{setting}'.");
        }

        return new ShiftedClock(offset);
    }
}
