using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MassWork.ServiceDefaults.Data;

/// <summary>A value object or list kept as one jsonb column.</summary>
public static class JsonColumn
{
    /// <summary>
    /// Maps <paramref name="property"/> to jsonb written with <paramref name="options"/>; a change is
    /// a change of its JSON, so replacing it with an equal value writes nothing.
    /// </summary>
    public static void Map<T>(PropertyBuilder<T> property, JsonSerializerOptions options)
        where T : class =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, options),
            v => JsonSerializer.Deserialize<T>(v, options)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, options) == JsonSerializer.Serialize(b, options),
                v => JsonSerializer.Serialize(v, options).GetHashCode(),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, options), options)!));
}
