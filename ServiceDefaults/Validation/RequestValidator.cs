using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Internal;

namespace MassWork.ServiceDefaults.Validation;

/// <summary>
/// The base of every request's field rules. A rule stops at its first failure, so each field gets
/// the one message that tells the clerk what to fix; all fields are still checked, so every
/// problem is reported at once. Rules that need no database live here; lookups (an unknown
/// village, category or household) join the result afterwards (<see cref="ValidationResults.Also"/>).
/// </summary>
public abstract class RequestValidator<T> : AbstractValidator<T>
{
    static RequestValidator()
    {
        // Problems name fields as the JSON request spells them (petitioner.name), not as C# does.
        ValidatorOptions.Global.PropertyNameResolver = JsonName;
    }

    protected RequestValidator()
    {
        RuleLevelCascadeMode = CascadeMode.Stop;
    }

    /// <summary>
    /// Rules for each element of a list, after a null element (JSON <c>[null]</c>) is refused by its
    /// index; FluentValidation's child rules alone would pass a null element through unchecked. Every
    /// element is checked: the rule-level Stop would otherwise end the list at its first bad element.
    /// </summary>
    protected void RuleForEachElement<TElement>(
        Expression<Func<T, IEnumerable<TElement>?>> list, Action<InlineValidator<TElement>> rules, Func<T, bool>? when = null)
    {
        var present = RuleForEach(list!).Cascade(CascadeMode.Continue).NotNull().WithMessage("Required: an element, not null.");
        var checkedElements = RuleForEach(list!).Cascade(CascadeMode.Continue).ChildRules(rules);
        if (when is not null)
        {
            present.When(when);
            checkedElements.When(when);
        }
    }

    internal static string? JsonName(Type type, MemberInfo? member, LambdaExpression? expression)
    {
        var chain = expression is null ? null : PropertyChain.FromExpression(expression);
        var names = chain is { Count: > 0 } ? chain.ToString().Split('.') : member is null ? [] : [member.Name];
        return names.Length == 0 ? null : string.Join('.', names.Select(JsonNamingPolicy.CamelCase.ConvertName));
    }
}
