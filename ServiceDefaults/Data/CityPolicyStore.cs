using System.Text.Json;
using FluentValidation;
using MassWork.ServiceDefaults.Auth;
using MassWork.ServiceDefaults.Errors;
using MassWork.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MassWork.ServiceDefaults.Data;

/// <summary>
/// How every service keeps its per-city policies: mapped alike, read with the service's default as
/// the fallback, and replaced as a <see cref="KeyedEdit{TEntity}"/>.
/// </summary>
public static class CityPolicyStore
{
    public static void Configure<TRecord, TPolicy>(EntityTypeBuilder<TRecord> record, JsonSerializerOptions json)
        where TRecord : CityPolicyRecord<TPolicy>
        where TPolicy : class
    {
        record.HasKey(x => x.CityCode);
        record.Property(x => x.CityCode).HasMaxLength(4);
        record.Property(x => x.UpdatedBy).HasMaxLength(100);
        JsonColumn.Map(record.Property(x => x.Policy), json);
    }

    /// <summary>The city's stored policy, or <paramref name="fallback"/> until it stores one.</summary>
    public static async Task<TPolicy> ForCityAsync<TRecord, TPolicy>(DbContext db, string cityCode, TPolicy fallback, CancellationToken cancellationToken)
        where TRecord : CityPolicyRecord<TPolicy>
        where TPolicy : class =>
        (await db.Set<TRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.CityCode == cityCode, cancellationToken))?.Policy ?? fallback;

    /// <summary>
    /// A PUT of a city's policy: the city code and the policy are checked (400 naming the field),
    /// then the policy, as <paramref name="normalize"/> makes it, is stored as the caller's.
    /// </summary>
    public static async Task<Results<Ok<TPolicy>, ValidationProblem>> ReplaceAsync<TRecord, TPolicy>(
        DbContext db, string cityCode, TPolicy policy, IValidator<TPolicy> validator, Caller caller, TimeProvider time, CancellationToken cancellationToken,
        Func<TPolicy, TPolicy>? normalize = null)
        where TRecord : CityPolicyRecord<TPolicy>, new()
        where TPolicy : class
    {
        if (Problems.CityCode(cityCode) is { } invalidCity)
        {
            return invalidCity;
        }

        if (validator.Validate(policy) is { IsValid: false } invalid)
        {
            return invalid.ToProblem("The policy is not valid");
        }

        policy = normalize?.Invoke(policy) ?? policy;
        await KeyedEdit<TRecord>.SaveAsync(db, cityCode, async () =>
        {
            var stored = await db.Set<TRecord>().SingleOrDefaultAsync(p => p.CityCode == cityCode, cancellationToken);
            if (stored is null)
            {
                stored = new TRecord { CityCode = cityCode };
                db.Add(stored);
            }

            stored.Policy = policy;
            stored.UpdatedAt = time.GetUtcNow();
            stored.UpdatedBy = caller.UserId;
        }, cancellationToken);
        return TypedResults.Ok(policy);
    }
}
