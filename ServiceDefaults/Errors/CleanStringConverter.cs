using System.Text.Json;
using System.Text.Json.Serialization;

namespace MassWork.ServiceDefaults.Errors;

/// <summary>
/// Applies <see cref="TextRules"/> to every string in every JSON body: a bad one fails binding
/// with its JSON path, which BadRequestExceptionHandler turns into a 400 naming the field.
/// </summary>
public sealed class CleanStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        return value is null || TextRules.IsClean(value) ? value : throw new JsonException(TextRules.Message);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
