namespace MassWork.Petitions.Deadlines;

/// <summary>Whether a city's petition time limits can be stored; each rule's own check is <see cref="DeadlineRule.Validate"/>.</summary>
public sealed class PetitionPolicyValidator : RequestValidator<PetitionPolicy>
{
    public PetitionPolicyValidator()
    {
        Limit(x => x.Route);
        Limit(x => x.Accept);
        Limit(x => x.Objection);
        Limit(x => x.Resolve);
        Limit(x => x.ProgressCallBack);
        Limit(x => x.Revisit);
        Limit(x => x.ReviewWindow);
        Limit(x => x.ReviewAnswer);
        Limit(x => x.Redo);
        Limit(x => x.HotlineRevisit);
        RuleFor(x => x.MaxExtensionDays).InclusiveBetween(0, 90).WithMessage("Between 0 and 90.");
        RuleFor(x => x.MaxRepresentatives).InclusiveBetween(1, 50).WithMessage("Between 1 and 50.");
        RuleFor(x => x.WorkOrderClasses).Custom((classes, context) =>
        {
            if (classes is null || !classes.ContainsKey("General"))
            {
                context.AddFailure("Must include the \"General\" class, the fallback for every category.");
                return;
            }

            foreach (var (name, limits) in classes)
            {
                Check(context, $"workOrderClasses.{name}.dispatch", limits?.Dispatch);
                Check(context, $"workOrderClasses.{name}.result", limits?.Result);
            }
        });
    }

    private void Limit(System.Linq.Expressions.Expression<Func<PetitionPolicy, DeadlineRule>> limit) =>
        RuleFor(limit).Problem(rule => rule is null ? "Required." : rule.Validate());

    private static void Check(ValidationContext<PetitionPolicy> context, string field, DeadlineRule? rule)
    {
        if ((rule is null ? "Required." : rule.Validate()) is { } problem)
        {
            context.AddFailure(field, problem);
        }
    }
}
