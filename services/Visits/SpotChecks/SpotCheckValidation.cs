namespace MassWork.Visits.SpotChecks;

/// <summary>A draw that passed its checks: the region, the period's Asia/Shanghai days, the size and the seed to draw with.</summary>
public sealed record CheckedDraw(string RegionPrefix, DateOnly FirstDay, DateOnly LastDay, int SampleSize, long Seed);

/// <summary>The checks of a draw request; each refusal is a 400 naming the field (a region outside the caller's is a 403).</summary>
public static class SpotCheckValidation
{
    /// <summary>A check looks back at most a year of visits.</summary>
    public const int MaxPeriodDays = 366;

    public static CheckedDraw Check(SpotCheckRequest request, Caller caller, DateOnly today)
    {
        var region = request.Region?.Trim() ?? caller.RegionPrefix;
        if (!RegionPrefixes.IsValid(region))
        {
            throw DomainException.Invalid("region", "A division code prefix of 2, 4, 6, 9 or 12 digits (360702 a county, 360702001 a town).");
        }

        if (!caller.Covers(region))
        {
            throw new DomainException(DomainProblem.Forbidden, "Outside your region", $"region {region} is outside your region {caller.RegionPrefix}.");
        }

        if (request.From is not { } from)
        {
            throw DomainException.Invalid("from", "Required: the first Asia/Shanghai day of the visits checked.");
        }

        if (request.To is not { } to)
        {
            throw DomainException.Invalid("to", "Required: the last Asia/Shanghai day of the visits checked.");
        }

        if (to < from)
        {
            throw DomainException.Invalid("to", "On or after 'from'.");
        }

        if (to > today)
        {
            throw DomainException.Invalid("to", $"In the future: today is {today:yyyy-MM-dd} in Asia/Shanghai.");
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxPeriodDays)
        {
            throw DomainException.Invalid("from", $"A period of at most {MaxPeriodDays} days.");
        }

        if (request.SampleSize is not { } size || size is < 1 or > SpotCheckSample.MaxSize)
        {
            throw DomainException.Invalid("sampleSize", $"From 1 to {SpotCheckSample.MaxSize} households to call.");
        }

        if (request.Seed is < 0 or > SpotCheckSample.MaxSeed)
        {
            throw DomainException.Invalid("seed", $"From 0 to {SpotCheckSample.MaxSeed}; leave it out for a fresh draw.");
        }

        return new CheckedDraw(region, from, to, size, request.Seed ?? SpotCheckSample.NewSeed());
    }
}
