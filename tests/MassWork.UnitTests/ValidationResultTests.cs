using FluentValidation;
using FluentValidation.Results;

namespace MassWork.UnitTests;

public sealed class ValidationResultTests
{
    private sealed record Person(string? Name, Address? Home, IReadOnlyList<Address>? Others);

    private sealed record Address(string? Street);

    private sealed class PersonValidator : RequestValidator<Person>
    {
        public PersonValidator()
        {
            RuleFor(x => x.Name).RequiredText(5);
            RuleFor(x => x.Home!.Street).RequiredText(5).When(x => x.Home is not null);
            RuleForEach(x => x.Others).ChildRules(o => o.RuleFor(a => a.Street).RequiredText(5));
            RuleFor(x => x).Custom((_, context) => context.AddFailure("workOrderClasses.General.dispatch", "kept as given"));
        }
    }

    [Fact]
    public void Errors_are_keyed_by_the_json_path_of_the_field()
    {
        var errors = new PersonValidator().Validate(new Person(null, new Address(null), [new Address("ok"), new Address("")])).ToErrors();

        Assert.Equal(["home.street", "name", "others[1].street", "workOrderClasses.General.dispatch"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["Required, at most 5 characters."], errors["name"]);
    }

    private sealed class StreetsValidator : RequestValidator<Person>
    {
        public StreetsValidator() => RuleForEachElement(x => x.Others, o => o.RuleFor(a => a.Street).RequiredText(5));
    }

    [Fact]
    public void Every_element_of_a_list_is_checked_not_only_the_first_bad_one()
    {
        var errors = new StreetsValidator().Validate(new Person("x", null, [new Address(""), null!, new Address("ok"), new Address(null), null!])).ToErrors();

        Assert.Equal(["others[0].street", "others[1]", "others[3].street", "others[4]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_rule_on_the_whole_request_is_keyed_request() =>
        Assert.Equal(["request"], new ValidationResult([new ValidationFailure("", "x")]).ToErrors().Keys);

    [Fact]
    public void A_field_keeps_each_of_its_messages_once_in_rule_order()
    {
        var result = new ValidationResult([new ValidationFailure("name", "Required."), new ValidationFailure("name", "Too long."), new ValidationFailure("name", "Required.")]);

        Assert.Equal(["Required.", "Too long."], result.ToErrors()["name"]);
    }

    [Fact]
    public void A_problem_found_outside_the_validator_joins_the_same_result()
    {
        var result = new ValidationResult().Also("code", null).Also("code", "2–40 letters.");

        Assert.False(result.IsValid);
        Assert.Equal(["2–40 letters."], result.ToErrors()["code"]);
    }
}
