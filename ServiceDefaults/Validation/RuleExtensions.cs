using FluentValidation;
using MassWork.ServiceDefaults.Errors;

namespace MassWork.ServiceDefaults.Validation;

/// <summary>The field rules requests share, each worded once.</summary>
public static class RuleExtensions
{
    /// <summary>
    /// The field a rule on a computed value reports (<c>x => x.Petitioner == null ? null : x.Petitioner.Name</c>),
    /// spelled as the JSON request spells it.
    /// </summary>
    public static IRuleBuilderInitial<T, TProperty> Named<T, TProperty>(this IRuleBuilderInitial<T, TProperty> rule, string jsonPath) =>
        rule.Configure(r => r.PropertyName = jsonPath);

    /// <summary>Present, not blank, and at most <paramref name="max"/> characters once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(v => !string.IsNullOrWhiteSpace(v) && v.Trim().Length <= max)
            .WithMessage($"Required, at most {max} characters.");

    /// <summary>Absent, or at most <paramref name="max"/> characters once trimmed.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalText<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.Must(v => v is null || v.Trim().Length <= max)
            .WithMessage($"At most {max} characters.");

    /// <summary>One of the enum's names, in any case; numbers are refused (see <see cref="EnumNames"/>).</summary>
    public static IRuleBuilderOptions<T, string?> EnumName<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Must(v => EnumNames.TryParse<TEnum>(v, out _))
            .WithMessage(EnumNames.OneOf<TEnum>());

    /// <summary>
    /// A rule from a pure rule class that answers with the problem in words, or null when the value
    /// is fine: the rule keeps its own wording, and lives in one place for the validator and the entity alike.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Problem<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<T, TProperty, string?> problem) =>
        rule.Custom((value, context) =>
        {
            if (problem(context.InstanceToValidate, value) is { } message)
            {
                context.AddFailure(message);
            }
        });

    /// <inheritdoc cref="Problem{T,TProperty}(IRuleBuilder{T,TProperty},Func{T,TProperty,string?})"/>
    public static IRuleBuilderOptionsConditions<T, TProperty> Problem<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, string?> problem) =>
        rule.Problem((_, value) => problem(value));
}
