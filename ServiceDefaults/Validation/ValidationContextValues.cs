using FluentValidation;
using FluentValidation.Results;

namespace MassWork.ServiceDefaults.Validation;

/// <summary>
/// Values a rule needs that are known only at request time (the city's policy, the caller's
/// region), handed to a singleton validator alongside the request rather than baked into it.
/// </summary>
public static class ValidationContextValues
{
    public static ValidationResult Validate<T, TValue>(this IValidator<T> validator, T instance, TValue value)
        where TValue : notnull
    {
        var context = new ValidationContext<T>(instance);
        context.RootContextData[Key<TValue>()] = value;
        return validator.Validate(context);
    }

    public static Task<ValidationResult> ValidateAsync<T, TValue>(this IValidator<T> validator, T instance, TValue value, CancellationToken cancellationToken)
        where TValue : notnull
    {
        var context = new ValidationContext<T>(instance);
        context.RootContextData[Key<TValue>()] = value;
        return validator.ValidateAsync(context, cancellationToken);
    }

    /// <summary>The value handed in with the request; a validator that reads one it was not given is a programming error.</summary>
    public static TValue Value<TValue>(this IValidationContext context) =>
        context.RootContextData.TryGetValue(Key<TValue>(), out var value)
            ? (TValue)value
            : throw new InvalidOperationException($"Validate with a {typeof(TValue).Name}: this validator's rules need it.");

    private static string Key<TValue>() => typeof(TValue).FullName!;
}
