using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// Applies <see cref="DateRules"/> to every date and instant in every JSON body, as
/// <see cref="CleanStringConverter"/> does to text: one outside it fails binding with its JSON path,
/// which BadRequestExceptionHandler turns into a 400 naming the field.
/// </summary>
public sealed class DateOnlyRangeConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? DateRules.IsInRange(day) ? day : throw new JsonException(DateRules.Message)
            : throw new JsonException("A date as yyyy-MM-dd.");

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <inheritdoc cref="DateOnlyRangeConverter"/>
public sealed class DateTimeOffsetRangeConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>An instant must say its offset (<see cref="DateRules.HasOffset"/>).</summary>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (!reader.TryGetDateTimeOffset(out var instant) || !DateRules.HasOffset(reader.GetString()!))
        {
            throw new JsonException(DateRules.InstantMessage);
        }

        return DateRules.IsInRange(instant) ? instant : throw new JsonException(DateRules.Message);
    }

    /// <summary>
    /// Every instant a response shows is in Asia/Shanghai (+08:00), however the code built it: times
    /// are stored in UTC and shown in Shanghai, in one place rather than in every view.
    /// </summary>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(ChinaTime.Local(value));
}
