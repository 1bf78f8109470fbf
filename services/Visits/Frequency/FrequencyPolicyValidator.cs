namespace MassWork.Visits.Frequency;

/// <summary>Whether a city's visiting frequency can be stored: each figure at least 1 and short of a typing error.</summary>
public sealed class FrequencyPolicyValidator : RequestValidator<FrequencyPolicy>
{
    public FrequencyPolicyValidator()
    {
        RuleFor(x => x.HouseholdContactsPerYear).InclusiveBetween(1, FrequencyPolicy.MaxContactsPerYear)
            .WithMessage($"From 1 to {FrequencyPolicy.MaxContactsPerYear}: contacts a year with each paired household.");
        RuleFor(x => x.SectionLevelVillageDays).InclusiveBetween(1, FrequencyPolicy.MaxVillageDays)
            .WithMessage($"From 1 to {FrequencyPolicy.MaxVillageDays}: days a year in the village for a section-level cadre (科级).");
        RuleFor(x => x.GeneralVillageDays).InclusiveBetween(1, FrequencyPolicy.MaxVillageDays)
            .WithMessage($"From 1 to {FrequencyPolicy.MaxVillageDays}: days a year in the village for a general cadre (一般干部).");
        RuleFor(x => x.MeetingsPerQuarter).InclusiveBetween(1, FrequencyPolicy.MaxMeetingsPerQuarter)
            .WithMessage($"From 1 to {FrequencyPolicy.MaxMeetingsPerQuarter}: 民情分析联席会 a quarter in each village.");
        RuleFor(x => x.DueSoonDays).InclusiveBetween(1, FrequencyPolicy.MaxDueSoonDays)
            .WithMessage($"From 1 to {FrequencyPolicy.MaxDueSoonDays}: days before the year's end when the due-soon reminder goes.");
    }
}
