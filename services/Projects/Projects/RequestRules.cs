namespace MassWork.Projects.Projects;

/// <summary>The field rules the projects service's requests share, each worded once.</summary>
public static class RequestRules
{
    /// <summary>An amount of money by <see cref="Money.Problem"/>.</summary>
    public static IRuleBuilderOptionsConditions<T, long?> Fen<T>(this IRuleBuilder<T, long?> rule, bool zeroAllowed = false) =>
        rule.Problem(fen => Money.Problem(fen, zeroAllowed));

    /// <summary>One of the enum's names, in any case; a value not known is quoted back with the field it was given in.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> KnownName<T, TEnum>(this IRuleBuilder<T, string?> rule)
        where TEnum : struct, Enum =>
        rule.Custom((value, context) =>
        {
            if (!EnumNames.TryParse<TEnum>(value, out _))
            {
                context.AddFailure(value is null ? $"Required. {EnumNames.OneOf<TEnum>()}" : $"Unknown {context.PropertyPath} '{value}'. {EnumNames.OneOf<TEnum>()}");
            }
        });
}
